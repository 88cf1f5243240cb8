using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>Padded random crop: reflect-pad by <paramref name="Padding"/> pixels, then crop each image back at its own random offset.</summary>
public sealed record CropStep(int Padding) : AugmentationStep
{
    public const string StepName = "crop";

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = Crop(batch.Images, Padding, generator) };

    public static Tensor Crop(Tensor images, int padding, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(padding);
        using var scope = NewDisposeScope();
        var (n, c, h, w) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var padded = nn.functional.pad(images, [padding, padding, padding, padding], TorchSharp.PaddingModes.Reflect);
        var span = (2 * padding) + 1;
        var dy = randint(span, [n], generator: generator).to(images.device);
        var dx = randint(span, [n], generator: generator).to(images.device);
        var rows = (dy.view(n, 1) + arange(h, device: images.device)).view(n, 1, h, 1).expand(n, c, h, w + (2 * padding));
        var cols = (dx.view(n, 1) + arange(w, device: images.device)).view(n, 1, 1, w).expand(n, c, h, w);
        return padded.gather(2, rows).gather(3, cols).MoveToOuterDisposeScope();
    }
}
