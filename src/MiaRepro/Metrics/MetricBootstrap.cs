namespace MiaRepro.Metrics;

/// <summary>
/// 95% intervals of the pooled metrics (AUC, TPR at each standard FPR) of several score sets measured on the same
/// keep matrix — e.g. every attack on one recipe's population — by the bootstrap of <see cref="PairedBootstrap"/>:
/// replicate r draws targets and examples with replacement from (seed, r), the same draws for every score set (and
/// for a paired comparison with the same seed), and re-measures each set by one weighted sweep in its order sorted
/// once up front; the one-way schemes size each interval to the design's variance (<see cref="CrossedInterval"/>).
/// </summary>
/// <remarks>
/// A replicate where a TPR is undefined (the drawn non-members weigh less than 10/FPR) is left out of that TPR's
/// interval and counted in <see cref="TprInterval.Undefined"/>. Cost: O(3 schemes · score sets · replicates · models · examples).
/// </remarks>
public static class MetricBootstrap
{
    /// <param name="scores">Each set's scores, [models, examples] in C order.</param>
    /// <param name="keep">Membership, [models, examples] in C order, shared by every set.</param>
    /// <exception cref="ArgumentException">Mismatched shapes or NaN scores.</exception>
    public static IReadOnlyList<MetricIntervals> Intervals(
        IReadOnlyList<double[]> scores, bool[] keep, int models, int examples, int replicates, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(models);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(examples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicates);
        var cells = checked(models * examples);
        if (keep.Length != cells || scores.Any(s => s.Length != cells))
        {
            throw new ArgumentException(
                $"Expected {models} × {examples} = {cells} cells; got keep {keep.Length} and scores {string.Join(", ", scores.Select(s => s.Length))}.");
        }

        var sets = scores.Select(s => new BootstrapCells(s, keep)).ToArray();
        var fprs = OperatingPoints.Standard;
        (double[][] Auc, double[][][] Tpr) Measure(BootstrapScheme scheme)
        {
            var auc = sets.Select(_ => new double[replicates]).ToArray();
            var tpr = sets.Select(_ => fprs.Select(_ => new double[replicates]).ToArray()).ToArray();
            Parallel.For(
                0,
                replicates,
                () => (Draw: new BootstrapDraw(keep, models, examples), Tprs: new double[fprs.Count]),
                (r, _, local) =>
                {
                    local.Draw.Draw(seed, r, scheme);
                    for (var s = 0; s < sets.Length; s++)
                    {
                        auc[s][r] = local.Draw.AucAndTprs(sets[s], local.Tprs);
                        for (var k = 0; k < fprs.Count; k++)
                        {
                            tpr[s][k][r] = local.Tprs[k];
                        }
                    }

                    return local;
                },
                _ => { });
            return (auc, tpr);
        }

        var (crossed, targets, examplesOnly) = (Measure(BootstrapScheme.Crossed), Measure(BootstrapScheme.Targets), Measure(BootstrapScheme.Examples));
        return [.. sets.Select((set, s) =>
        {
            var full = set.Full();
            var tprs = fprs.Select((fpr, k) =>
            {
                var defined = crossed.Tpr[s][k].Count(v => !double.IsNaN(v));
                var ci = full.TprAtFpr[k].Tpr is not { } tpr || defined == 0
                    ? null
                    : CrossedInterval.Of(tpr, crossed.Tpr[s][k], targets.Tpr[s][k], examplesOnly.Tpr[s][k], logScale: false);
                return new TprInterval(fpr, ci, replicates - defined);
            });
            var auc = CrossedInterval.Of(full.Auc, crossed.Auc[s], targets.Auc[s], examplesOnly.Auc[s], logScale: false);
            return new MetricIntervals(auc, [.. tprs], replicates);
        })];
    }
}
