using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>CutMix (Yun et al. 2019): a box of another image pasted in, λ ~ Beta(α, α) adjusted to the box's area.</summary>
public sealed record CutMixStep(double Alpha = 1.0) : AugmentationStep
{
    public const string StepName = "cutmix";

    public override string Name => StepName;

    public override bool MixesBatch => true;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
