using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// One named, seeded step of a recipe's augmentation pipeline. A step is a value: its parameters (and its
/// name, the JSON discriminator) enter the recipe's hash. <see cref="Apply"/> works on a whole batch at once;
/// every random draw comes from the model's CPU generator, so the same seed gives the same batches on every device.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(FlipStep), FlipStep.StepName)]
[JsonDerivedType(typeof(CropStep), CropStep.StepName)]
[JsonDerivedType(typeof(CutoutStep), CutoutStep.StepName)]
[JsonDerivedType(typeof(AutoAugmentStep), AutoAugmentStep.StepName)]
[JsonDerivedType(typeof(RandAugmentStep), RandAugmentStep.StepName)]
[JsonDerivedType(typeof(TrivialAugmentStep), TrivialAugmentStep.StepName)]
[JsonDerivedType(typeof(AugMixStep), AugMixStep.StepName)]
[JsonDerivedType(typeof(MixUpStep), MixUpStep.StepName)]
[JsonDerivedType(typeof(CutMixStep), CutMixStep.StepName)]
public abstract record AugmentationStep
{
    /// <summary>The stable name of the step, as written in recipe hashes and reports.</summary>
    [JsonIgnore]
    public abstract string Name { get; }

    /// <summary>
    /// Steps that mix images across the batch (MixUp, CutMix) change the loss's targets; a pipeline holds at
    /// most one, as its last step.
    /// </summary>
    [JsonIgnore]
    public virtual bool MixesBatch => false;

    /// <summary>Augments <paramref name="batch"/>; images are float [n, c, h, w] in [−1, 1] and stay so.</summary>
    public abstract AugmentedBatch Apply(AugmentedBatch batch, Generator generator);
}
