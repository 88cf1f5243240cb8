using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>Mirroring: each image is flipped horizontally with probability ½.</summary>
public sealed record FlipStep : AugmentationStep
{
    public const string StepName = "flip";

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = Flip(batch.Images, generator) };

    public static Tensor Flip(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var mirror = (rand(n, generator: generator) < 0.5).to(images.device).view(n, 1, 1, 1);
        return where(mirror, images.flip(3), images).MoveToOuterDisposeScope();
    }
}
