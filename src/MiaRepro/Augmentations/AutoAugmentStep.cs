using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>AutoAugment (Cubuk et al. 2019) with its CIFAR-10 policy.</summary>
public sealed record AutoAugmentStep : AugmentationStep
{
    public const string StepName = "autoaugment";

    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
