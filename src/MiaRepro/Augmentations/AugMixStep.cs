using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// AugMix (Hendrycks et al. 2020) as torchvision's <c>AugMix(severity=3, mixture_width=3, chain_depth=-1, alpha=1.0,
/// all_ops=True)</c>: per image, <paramref name="Width"/> chains of <paramref name="Depth"/> operations (1–3, drawn per
/// image and chain, when −1), each drawn uniformly from 13 (ShearX/Y, TranslateX/Y, Rotate, Posterize, Solarize,
/// AutoContrast, Equalize, Brightness, Color, Contrast, Sharpness) at a magnitude bin drawn uniformly below
/// <paramref name="Severity"/> of 11, bilinear resampling; the chains are mixed with Dirichlet(α, …, α) weights and the
/// mixture blended with the original image with m ~ Beta(α, α). Only the image-space augmentation: the paper's
/// Jensen–Shannon consistency loss over two AugMix views is not part of this step (the loss stays cross-entropy).
/// </summary>
public sealed record AugMixStep(int Severity = 3, int Width = 3, int Depth = -1, double Alpha = 1.0) : AugmentationStep
{
    public const string StepName = "augmix";

    /// <summary>torchvision's largest severity (<c>_PARAMETER_MAX</c>).</summary>
    public const int MaxSeverity = 10;

    [JsonIgnore]
    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        batch with { Images = AugMix(batch.Images, this, generator) };

    public static Tensor AugMix(Tensor images, AugMixStep step, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(step.Severity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step.Severity, MaxSeverity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step.Alpha);
        if (step.Depth is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step.Depth, "AugMix depth: −1 (random 1–3) or at least 1.");
        }

        using var scope = NewDisposeScope();
        var n = images.shape[0];
        var space = AugmentationSpace.AugMix(images.shape[2], images.shape[3]);
        var blend = Sampling.Dirichlet(step.Alpha, n, 2, generator);
        var weights = Sampling.Dirichlet(step.Alpha, n, step.Width, generator).mul_(blend.narrow(1, 1, 1));
        Tensor PerImage(Tensor w) => w.to(images.dtype, images.device).view(n, 1, 1, 1);

        var unit = ImageOps.ToUnit(images);
        var mix = unit.mul(PerImage(blend.select(1, 0)));
        var maxDepth = step.Depth > 0 ? step.Depth : 3;
        for (var chain = 0; chain < step.Width; chain++)
        {
            using var chainScope = NewDisposeScope();
            var depth = step.Depth > 0 ? full(n, (long)step.Depth) : randint(1, 4, [n], generator: generator);
            var aug = unit.clone();
            for (var i = 0; i < maxDepth; i++)
            {
                using var stageScope = NewDisposeScope();
                var ops = space.DrawOps(n, generator);
                ops = where(depth.gt(i), ops, zeros_like(ops).add_((long)ImageOp.Identity));
                var bins = randint(step.Severity, [n], generator: generator);
                ImageOps.ApplyInPlace(aug, ops, space.DrawSigned(ops, bins, generator), GridSampleMode.Bilinear);
            }

            mix.add_(aug.mul_(PerImage(weights.select(1, chain))));
        }

        return ImageOps.FromUnit(mix).MoveToOuterDisposeScope();
    }
}
