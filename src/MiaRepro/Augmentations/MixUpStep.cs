using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>MixUp (Zhang et al. 2018): the batch mixed with a permutation of itself, λ ~ Beta(α, α).</summary>
public sealed record MixUpStep(double Alpha = 1.0) : AugmentationStep
{
    public const string StepName = "mixup";

    public override string Name => StepName;

    public override bool MixesBatch => true;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
