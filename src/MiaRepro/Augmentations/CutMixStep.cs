using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// CutMix (Yun et al. 2019), as the paper's reference code: one λ ~ Beta(α, α) and one box per batch, of sides
/// ⌊W·√(1 − λ)⌋ × ⌊H·√(1 − λ)⌋ centred at a uniformly random pixel and clipped at the borders; inside it image i takes
/// the pixels of image perm[i] of a random permutation of the batch. λ is then set to the exact fraction of pixels kept,
/// and the loss mixes the own and the permuted labels' cross-entropies with it (<see cref="AugmentedBatch.Loss"/>).
/// α ≤ 0 gives λ = 1 (no box).
/// </summary>
public sealed record CutMixStep(double Alpha = 1.0) : AugmentationStep
{
    public const string StepName = "cutmix";

    [JsonIgnore]
    public override string Name => StepName;

    [JsonIgnore]
    public override bool MixesBatch => true;

    public override AugmentedBatch Apply(AugmentedBatch batch, Generator generator)
    {
        using var scope = NewDisposeScope();
        var x = batch.Images;
        var (n, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var drawn = Alpha > 0 ? Sampling.Beta(Alpha, Alpha, generator) : 1.0;
        var perm = randperm(n, generator: generator).to(x.device);
        var cy = randint(h, [1], generator: generator).item<long>();
        var cx = randint(w, [1], generator: generator).item<long>();
        var cut = Math.Sqrt(1.0 - drawn);
        var (halfH, halfW) = ((long)(h * cut) / 2, (long)(w * cut) / 2);
        var (top, bottom) = (Math.Clamp(cy - halfH, 0, h), Math.Clamp(cy + halfH, 0, h));
        var (left, right) = (Math.Clamp(cx - halfW, 0, w), Math.Clamp(cx + halfW, 0, w));
        var rows = arange(h, device: x.device).view(1, 1, h, 1);
        var cols = arange(w, device: x.device).view(1, 1, 1, w);
        var box = rows.ge(top).logical_and_(rows.lt(bottom)).logical_and(cols.ge(left).logical_and_(cols.lt(right)));
        var images = where(box, x.index_select(0, perm), x);
        var lambda = 1.0 - ((double)(bottom - top) * (right - left) / (h * w));
        return batch with
        {
            Images = images.MoveToOuterDisposeScope(),
            MixedLabels = batch.Labels.index_select(0, perm.to(batch.Labels.device)).MoveToOuterDisposeScope(),
            Lambda = lambda,
        };
    }
}
