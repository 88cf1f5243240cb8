using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// MixUp (Zhang et al. 2018): image i becomes λ·x_i + (1 − λ)·x_perm[i] for a random permutation of the batch, with one
/// λ ~ Beta(α, α) per batch as in the paper's reference code; the loss mixes the cross-entropies of the own and the
/// permuted labels with the same λ (<see cref="AugmentedBatch.Loss"/>). α ≤ 0 gives λ = 1, as in the reference.
/// </summary>
public sealed record MixUpStep(double Alpha = 1.0) : AugmentationStep
{
    public const string StepName = "mixup";

    [JsonIgnore]
    public override string Name => StepName;

    [JsonIgnore]
    public override bool MixesBatch => true;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator)
    {
        using var scope = NewDisposeScope();
        var lambda = Alpha > 0 ? Sampling.Beta(Alpha, Alpha, generator) : 1.0;
        var perm = randperm(batch.Images.shape[0], generator: generator).to(batch.Images.device);
        var images = batch.Images.mul(lambda).add_(batch.Images.index_select(0, perm).mul_(1.0 - lambda));
        var mixed = batch.Labels.index_select(0, perm.to(batch.Labels.device));
        return batch with
        {
            Images = images.MoveToOuterDisposeScope(),
            MixedLabels = mixed.MoveToOuterDisposeScope(),
            Lambda = lambda,
        };
    }
}
