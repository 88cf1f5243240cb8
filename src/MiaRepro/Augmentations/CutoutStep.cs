using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>Cutout (DeVries and Taylor 2017): one square of Size pixels per image, centred at a random pixel, set to zero.</summary>
public sealed record CutoutStep(int Size) : AugmentationStep
{
    public const string StepName = "cutout";

    public override string Name => StepName;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator) =>
        throw new NotImplementedException();
}
