using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// TrivialAugmentWide (Müller and Hutter 2021) as torchvision's <c>TrivialAugmentWide(num_magnitude_bins=31)</c>: each
/// image gets one operation drawn uniformly from RandAugment's 14, at a magnitude bin drawn uniformly from 31 over the
/// wide ranges (shear 0.99, translation 32 px, rotation 135°, enhancements 0.99, Posterize down to 2 bits), signed
/// magnitudes negated with probability ½, nearest resampling.
/// </summary>
public sealed record TrivialAugmentStep : AugmentationStep
{
    public const string StepName = "trivialaugment-wide";

    /// <summary>torchvision's default number of magnitude bins.</summary>
    public const int MagnitudeBins = 31;

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = TrivialAugment(batch.Images, generator) };

    public static Tensor TrivialAugment(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var space = AugmentationSpace.TrivialAugmentWide(MagnitudeBins);
        var ops = space.DrawOps(n, generator);
        var bins = randint(MagnitudeBins, [n], generator: generator);
        var unit = ImageOps.ApplyInPlace(ImageOps.ToUnit(images), ops, space.DrawSigned(ops, bins, generator), GridSampleMode.Nearest);
        return ImageOps.FromUnit(unit).MoveToOuterDisposeScope();
    }
}
