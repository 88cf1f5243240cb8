using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// AutoAugment (Cubuk et al. 2019) with its CIFAR-10 policy, as torchvision's <c>AutoAugment(AutoAugmentPolicy.CIFAR10)</c>:
/// each image draws one of 25 sub-policies; each of the sub-policy's two operations is applied with its probability,
/// at its magnitude bin of 10 (signed magnitudes negated with probability ½), nearest resampling, black fill.
/// </summary>
public sealed record AutoAugmentStep : AugmentationStep
{
    public const string StepName = "autoaugment";

    /// <summary>torchvision's <c>AutoAugmentPolicy.CIFAR10</c>: (operation, probability, magnitude bin) pairs.</summary>
    internal static readonly ((ImageOp Op, double P, int Bin) First, (ImageOp Op, double P, int Bin) Second)[] Cifar10Policy =
    [
        ((ImageOp.Invert, 0.1, 0), (ImageOp.Contrast, 0.2, 6)),
        ((ImageOp.Rotate, 0.7, 2), (ImageOp.TranslateX, 0.3, 9)),
        ((ImageOp.Sharpness, 0.8, 1), (ImageOp.Sharpness, 0.9, 3)),
        ((ImageOp.ShearY, 0.5, 8), (ImageOp.TranslateY, 0.7, 9)),
        ((ImageOp.AutoContrast, 0.5, 0), (ImageOp.Equalize, 0.9, 0)),
        ((ImageOp.ShearY, 0.2, 7), (ImageOp.Posterize, 0.3, 7)),
        ((ImageOp.Color, 0.4, 3), (ImageOp.Brightness, 0.6, 7)),
        ((ImageOp.Sharpness, 0.3, 9), (ImageOp.Brightness, 0.7, 9)),
        ((ImageOp.Equalize, 0.6, 0), (ImageOp.Equalize, 0.5, 0)),
        ((ImageOp.Contrast, 0.6, 7), (ImageOp.Sharpness, 0.6, 5)),
        ((ImageOp.Color, 0.7, 7), (ImageOp.TranslateX, 0.5, 8)),
        ((ImageOp.Equalize, 0.3, 0), (ImageOp.AutoContrast, 0.4, 0)),
        ((ImageOp.TranslateY, 0.4, 3), (ImageOp.Sharpness, 0.2, 6)),
        ((ImageOp.Brightness, 0.9, 6), (ImageOp.Color, 0.2, 8)),
        ((ImageOp.Solarize, 0.5, 2), (ImageOp.Invert, 0.0, 0)),
        ((ImageOp.Equalize, 0.2, 0), (ImageOp.AutoContrast, 0.6, 0)),
        ((ImageOp.Equalize, 0.2, 0), (ImageOp.Equalize, 0.6, 0)),
        ((ImageOp.Color, 0.9, 9), (ImageOp.Equalize, 0.6, 0)),
        ((ImageOp.AutoContrast, 0.8, 0), (ImageOp.Solarize, 0.2, 8)),
        ((ImageOp.Brightness, 0.1, 3), (ImageOp.Color, 0.7, 0)),
        ((ImageOp.Solarize, 0.4, 5), (ImageOp.AutoContrast, 0.9, 0)),
        ((ImageOp.TranslateY, 0.9, 9), (ImageOp.TranslateY, 0.7, 9)),
        ((ImageOp.AutoContrast, 0.9, 0), (ImageOp.Solarize, 0.8, 3)),
        ((ImageOp.Equalize, 0.8, 0), (ImageOp.Invert, 0.1, 0)),
        ((ImageOp.TranslateY, 0.7, 9), (ImageOp.AutoContrast, 0.9, 0)),
    ];

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = AutoAugment(batch.Images, generator) };

    public static Tensor AutoAugment(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var space = AugmentationSpace.AutoAugment(images.shape[2], images.shape[3]);
        var policy = randint(Cifar10Policy.Length, [n], generator: generator);
        var draws = rand(n, 2, generator: generator, dtype: ScalarType.Float64);
        var unit = ImageOps.ToUnit(images);
        for (var stage = 0; stage < 2; stage++)
        {
            using var stageScope = NewDisposeScope();
            var entries = Cifar10Policy.Select(p => stage == 0 ? p.First : p.Second).ToArray();
            var ops = tensor(entries.Select(e => (long)e.Op).ToArray()).index_select(0, policy);
            var applied = draws.select(1, stage).le(tensor(entries.Select(e => e.P).ToArray()).index_select(0, policy));
            ops = where(applied, ops, zeros_like(ops).add_((long)ImageOp.Identity));
            var bins = tensor(entries.Select(e => (long)e.Bin).ToArray()).index_select(0, policy);
            ImageOps.ApplyInPlace(unit, ops, space.DrawSigned(ops, bins, generator), GridSampleMode.Nearest);
        }

        return ImageOps.FromUnit(unit).MoveToOuterDisposeScope();
    }
}
