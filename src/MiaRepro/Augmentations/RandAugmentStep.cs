using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// RandAugment (Cubuk et al. 2020) as torchvision's <c>RandAugment(num_ops=2, magnitude=9, num_magnitude_bins=31)</c>:
/// each image gets <paramref name="Ops"/> operations drawn uniformly (with replacement) from 14 — Identity, ShearX/Y,
/// TranslateX/Y, Rotate, Brightness, Color, Contrast, Sharpness, Posterize, Solarize, AutoContrast, Equalize — all at
/// magnitude bin <paramref name="Magnitude"/> of 31 (signed magnitudes negated with probability ½), nearest resampling.
/// </summary>
public sealed record RandAugmentStep(int Ops = 2, int Magnitude = 9) : AugmentationStep
{
    public const string StepName = "randaugment";

    /// <summary>torchvision's default number of magnitude bins.</summary>
    public const int MagnitudeBins = 31;

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = RandAugment(batch.Images, Ops, Magnitude, generator) };

    public static Tensor RandAugment(Tensor images, int ops, int magnitude, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ops);
        ArgumentOutOfRangeException.ThrowIfNegative(magnitude);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(magnitude, MagnitudeBins);
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var space = AugmentationSpace.RandAugment(MagnitudeBins, images.shape[2], images.shape[3]);
        var unit = ImageOps.ToUnit(images);
        for (var i = 0; i < ops; i++)
        {
            using var stageScope = NewDisposeScope();
            var drawn = space.DrawOps(n, generator);
            var bins = full(n, (long)magnitude, dtype: ScalarType.Int64);
            ImageOps.ApplyInPlace(unit, drawn, space.DrawSigned(drawn, bins, generator), GridSampleMode.Nearest);
        }

        return ImageOps.FromUnit(unit).MoveToOuterDisposeScope();
    }
}
