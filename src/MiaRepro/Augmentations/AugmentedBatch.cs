using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// A training batch after augmentation: images [n, c, h, w] in [−1, 1] and their int64 labels, plus — after a
/// batch-mixing step — the labels of the images mixed in and the weight <see cref="Lambda"/> of the own labels.
/// The tensors belong to the caller's dispose scope.
/// </summary>
public sealed record AugmentedBatch(Tensor Images, Tensor Labels, Tensor? MixedLabels = null, double Lambda = 1.0)
{
    /// <summary>
    /// Cross-entropy of <paramref name="logits"/> against the batch's targets: for a mixed batch
    /// λ·CE(y) + (1 − λ)·CE(y_mixed), the loss of MixUp (Zhang et al. 2018) and CutMix (Yun et al. 2019).
    /// </summary>
    public Tensor Loss(Tensor logits, double labelSmoothing)
    {
        var own = nn.functional.cross_entropy(logits, Labels, label_smoothing: labelSmoothing);
        if (MixedLabels is null || Lambda >= 1.0)
        {
            return own;
        }

        var mixed = nn.functional.cross_entropy(logits, MixedLabels, label_smoothing: labelSmoothing);
        return own.mul(Lambda).add_(mixed.mul(1.0 - Lambda));
    }
}
