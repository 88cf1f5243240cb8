namespace MiaRepro.Metrics;

/// <summary>
/// 95% intervals of the pooled metrics (AUC, TPR at each standard FPR) of several score sets measured on the same
/// keep matrix — e.g. every attack on one recipe's population — by the bootstrap of <see cref="PairedBootstrap"/>:
/// replicate r draws targets and examples with replacement from (seed, r), the same draws for every score set (and
/// for a paired comparison with the same seed), and re-measures each set by one weighted sweep in its order sorted
/// once up front.
/// </summary>
/// <remarks>
/// A replicate where a TPR is undefined (the drawn non-members weigh less than 10/FPR) is left out of that TPR's
/// interval and counted in <see cref="TprInterval.Undefined"/>. Cost: O(score sets · replicates · models · examples).
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
        var auc = sets.Select(_ => new double[replicates]).ToArray();
        var tpr = sets.Select(_ => fprs.Select(_ => new double[replicates]).ToArray()).ToArray();
        Parallel.For(
            0,
            replicates,
            () => (Draw: new BootstrapDraw(keep, models, examples), Tprs: new double[fprs.Count]),
            (r, _, local) =>
            {
                local.Draw.Draw(seed, r);
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

        return [.. sets.Select((set, s) =>
        {
            var full = set.Full();
            var tprs = fprs.Select((fpr, k) =>
            {
                var defined = tpr[s][k].Where(v => !double.IsNaN(v)).ToArray();
                var ci = full.TprAtFpr[k].Tpr is null || defined.Length == 0 ? null : Interval.Percentile(defined);
                return new TprInterval(fpr, ci, replicates - defined.Length);
            });
            return new MetricIntervals(Interval.Percentile(auc[s].Where(v => !double.IsNaN(v)).ToArray()), [.. tprs], replicates);
        })];
    }
}
