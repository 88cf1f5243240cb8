using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>TrivialAugmentWide (Müller and Hutter 2021): one random operation at a random magnitude per image.</summary>
public sealed record TrivialAugmentStep : AugmentationStep
{
    public const string StepName = "trivialaugment-wide";

    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
