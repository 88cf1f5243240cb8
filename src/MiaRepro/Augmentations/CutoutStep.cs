using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// Cutout (DeVries and Taylor 2017): per image one <paramref name="Size"/>×<paramref name="Size"/> square, centred at a
/// uniformly random pixel and clipped at the borders, set to 0 — mid-grey on our [−1, 1] scale (the reference sets 0
/// after normalisation, i.e. the dataset mean). Rows <c>cy − ⌊Size/2⌋ … cy − ⌊Size/2⌋ + Size − 1</c>, likewise columns:
/// the reference's square for even sizes, and exactly Size² pixels whenever it lies inside the image.
/// </summary>
public sealed record CutoutStep(int Size) : AugmentationStep
{
    public const string StepName = "cutout";

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = Cutout(batch.Images, Size, generator) };

    public static Tensor Cutout(Tensor images, int size, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        using var scope = NewDisposeScope();
        var (n, h, w) = (images.shape[0], images.shape[2], images.shape[3]);
        var top = randint(h, [n], generator: generator).sub_(size / 2).to(images.device).view(n, 1);
        var left = randint(w, [n], generator: generator).sub_(size / 2).to(images.device).view(n, 1);
        var rows = arange(h, device: images.device).view(1, h);
        var cols = arange(w, device: images.device).view(1, w);
        var inRows = rows.ge(top).logical_and_(rows.lt(top.add(size)));
        var inCols = cols.ge(left).logical_and_(cols.lt(left.add(size)));
        var square = inRows.view(n, 1, h, 1).logical_and(inCols.view(n, 1, 1, w));
        return images.masked_fill(square, 0.0).MoveToOuterDisposeScope();
    }
}
