namespace MiaRepro.Metrics;

/// <summary>
/// 95% bootstrap percentile intervals of one score set's pooled AUC and of its TPR at each of
/// <see cref="OperatingPoints.Standard"/>, from <paramref name="Replicates"/> replicates over targets and examples.
/// </summary>
public sealed record MetricIntervals(Interval Auc, IReadOnlyList<TprInterval> TprAtFpr, int Replicates)
{
    /// <summary>The interval of the TPR at <paramref name="fpr"/> (one of <see cref="OperatingPoints.Standard"/>), or null.</summary>
    public Interval? Tpr(double fpr)
    {
        foreach (var entry in TprAtFpr)
        {
            if (entry.Fpr == fpr)
            {
                return entry.Ci95;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(fpr), fpr, $"Not a reported FPR; use one of {string.Join(", ", OperatingPoints.Standard)}.");
    }
}
