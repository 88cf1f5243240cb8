using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>RandAugment (Cubuk et al. 2020): Ops random operations per image at one magnitude.</summary>
public sealed record RandAugmentStep(int Ops = 2, int Magnitude = 9) : AugmentationStep
{
    public const string StepName = "randaugment";

    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
