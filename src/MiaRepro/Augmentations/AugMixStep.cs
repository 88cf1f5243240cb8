using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>AugMix (Hendrycks et al. 2020).</summary>
public sealed record AugMixStep(int Severity = 3, int Width = 3, int Depth = -1, double Alpha = 1.0) : AugmentationStep
{
    public const string StepName = "augmix";

    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
