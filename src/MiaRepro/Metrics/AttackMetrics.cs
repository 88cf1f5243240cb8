namespace MiaRepro.Metrics;

/// <summary>
/// How well membership scores separate members from non-members (higher score = predicted member), read off
/// the exact ROC curve with ties grouped.
/// </summary>
/// <param name="Auc">Area under the exact ROC curve; tied member/non-member pairs count half.</param>
/// <param name="BalancedAccuracy">Max over thresholds of 1 − (FPR + FNR)/2 (so at least 0.5).</param>
/// <param name="TprAtFpr">
/// For each of <see cref="StandardFprs"/>: the largest TPR over ROC points with FPR strictly below t (the LiRA
/// reference convention; the (0, 0) point counts), or null when there are fewer than 10/t non-members.
/// </param>
public sealed record AttackMetrics(int Members, int NonMembers, double Auc, double BalancedAccuracy, IReadOnlyList<TprAtFpr> TprAtFpr)
{
    /// <summary>The false-positive rates at which TPR is reported: 10%, 1%, 0.1%, 0.01%, 0.001%.</summary>
    public static IReadOnlyList<double> StandardFprs { get; } = [0.1, 0.01, 0.001, 0.0001, 0.00001];

    /// <summary>TPR at FPR <paramref name="fpr"/> (one of <see cref="StandardFprs"/>), or null when too few non-members.</summary>
    public double? Tpr(double fpr)
    {
        foreach (var entry in TprAtFpr)
        {
            if (entry.Fpr == fpr)
            {
                return entry.Tpr;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(fpr), fpr, $"Not a reported FPR; use one of {string.Join(", ", StandardFprs)}.");
    }

    /// <summary>Non-members needed to report TPR at FPR t: 10/t, so that at least 10 false positives fit below t.</summary>
    public static long MinimumNonMembers(double fpr) => (long)Math.Ceiling((10.0 / fpr) - 1e-6);

    /// <exception cref="ArgumentException">A NaN score, mismatched lengths, or no member or no non-member.</exception>
    public static AttackMetrics Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isMember)
    {
        var (sorted, members, _) = RocSweep.SortDescending(scores, isMember);
        return FromSorted(sorted, members, default);
    }

    /// <summary>Metrics of scores already sorted descending, each cell weighted (empty weights: 1 each).</summary>
    internal static AttackMetrics FromSorted(ReadOnlySpan<double> sortedDescending, ReadOnlySpan<bool> members, ReadOnlySpan<int> weights) =>
        FromSorted(sortedDescending, members, weights, RocSweep.Totals(members, weights));

    /// <summary>As above, with the weighted member and non-member counts already known.</summary>
    internal static AttackMetrics FromSorted(
        ReadOnlySpan<double> sortedDescending, ReadOnlySpan<bool> members, ReadOnlySpan<int> weights, (long Positives, long Negatives) totals)
    {
        var (positives, negatives) = totals;
        RequireBothClasses(positives, negatives);
        var accumulator = new Accumulator(positives, negatives);
        RocSweep.Walk(sortedDescending, members, weights, ref accumulator);
        return accumulator.Result();
    }

    internal static void RequireBothClasses(long positives, long negatives)
    {
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException(
                $"ROC metrics need members and non-members; got {positives} members and {negatives} non-members.");
        }
    }

    private struct Accumulator : RocSweep.IVisitor
    {
        private static readonly double[] Fprs = [.. StandardFprs];
        private readonly long _positives;
        private readonly long _negatives;
        private readonly double[] _tprBelow;
        private int _open;
        private double _area;
        private double _best;
        private double _lastTpr;
        private long _lastTp;
        private long _lastFp;

        public Accumulator(long positives, long negatives)
        {
            _positives = positives;
            _negatives = negatives;
            _tprBelow = new double[Fprs.Length];
            _open = Fprs.Length;
            _best = 0.5;
        }

        public void Visit(long truePositives, long falsePositives, double threshold)
        {
            // Trapezoid between consecutive points: a tied group of members and non-members counts half.
            _area += (falsePositives - _lastFp) * (0.5 * (truePositives + _lastTp));
            _lastTp = truePositives;
            _lastFp = falsePositives;
            var tpr = (double)truePositives / _positives;
            var fpr = (double)falsePositives / _negatives;
            _best = Math.Max(_best, 0.5 * (1.0 + tpr - fpr));

            // FPR never decreases along the curve, so once a point reaches FPR ≥ t (smallest t first), the TPR at t
            // is that of the point before it; the FPRs are in descending order.
            while (_open > 0 && fpr >= Fprs[_open - 1])
            {
                _tprBelow[--_open] = _lastTpr;
            }

            _lastTpr = tpr;
        }

        public readonly AttackMetrics Result()
        {
            var tprs = new TprAtFpr[Fprs.Length];
            for (var k = 0; k < tprs.Length; k++)
            {
                var t = Fprs[k];
                var needed = MinimumNonMembers(t);
                tprs[k] = _negatives < needed
                    ? new TprAtFpr(t, null, $"needs ≥ {needed} non-members, have {_negatives}")
                    : new TprAtFpr(t, k < _open ? _lastTpr : _tprBelow[k], null);
            }

            var auc = _area / ((double)_positives * _negatives);
            return new AttackMetrics(checked((int)_positives), checked((int)_negatives), auc, _best, tprs);
        }
    }
}
