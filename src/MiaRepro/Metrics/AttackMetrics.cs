namespace MiaRepro.Metrics;

/// <summary>
/// How well membership scores separate members from non-members (higher score = predicted member), read off
/// the exact ROC curve with ties grouped.
/// </summary>
/// <param name="Auc">Area under the exact ROC curve; tied member/non-member pairs count half.</param>
/// <param name="BalancedAccuracy">Max over thresholds of 1 − (FPR + FNR)/2 (so at least 0.5).</param>
/// <param name="TprAtFpr">
/// For each of <see cref="OperatingPoints.Standard"/>: the largest TPR over ROC points with FPR strictly below t (the LiRA
/// reference convention; the (0, 0) point counts), or null when there are fewer than 10/t non-members.
/// </param>
public sealed record AttackMetrics(int Members, int NonMembers, double Auc, double BalancedAccuracy, IReadOnlyList<TprAtFpr> TprAtFpr)
{
    /// <summary>TPR at FPR <paramref name="fpr"/> (one of <see cref="OperatingPoints.Standard"/>), or null when too few non-members.</summary>
    public double? Tpr(double fpr)
    {
        foreach (var entry in TprAtFpr)
        {
            if (entry.Fpr == fpr)
            {
                return entry.Tpr;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(fpr), fpr, $"Not a reported FPR; use one of {string.Join(", ", OperatingPoints.Standard)}.");
    }

    /// <summary>Non-members needed to report TPR at FPR t: 10/t, so that at least 10 false positives fit below t.</summary>
    public static long MinimumNonMembers(double fpr) => (long)Math.Ceiling((10.0 / fpr) - 1e-6);

    /// <summary>Scores longer than this sort their members and non-members concurrently.</summary>
    private const int ParallelSortLength = 1 << 20;

    /// <exception cref="ArgumentException">A NaN score, mismatched lengths, or no member or no non-member.</exception>
    public static AttackMetrics Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isMember) =>
        Compute(scores, isMember, new ScoresByTruth());

    /// <summary>
    /// The metrics of each row of [<paramref name="rows"/>, columns] scores (C order) on its own, e.g. of every target
    /// of an attack; rows run in parallel, each thread reusing its sort buffers.
    /// </summary>
    /// <exception cref="ArgumentException">A NaN score, mismatched lengths, or a row without members or non-members.</exception>
    public static AttackMetrics[] ComputeRows(double[] scores, bool[] isMember, int rows)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(isMember);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        if (scores.Length != isMember.Length || scores.Length % rows != 0)
        {
            throw new ArgumentException($"{scores.Length} scores and {isMember.Length} membership labels do not make {rows} equal rows.", nameof(isMember));
        }

        var columns = scores.Length / rows;
        var metrics = new AttackMetrics[rows];
        Parallel.For(
            0,
            rows,
            () => new ScoresByTruth(),
            (row, _, buffers) =>
            {
                metrics[row] = Compute(scores.AsSpan(row * columns, columns), isMember.AsSpan(row * columns, columns), buffers);
                return buffers;
            },
            _ => { });
        return metrics;
    }

    private static AttackMetrics Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isMember, ScoresByTruth buffers)
    {
        buffers.Load(scores, isMember, parallel: scores.Length > ParallelSortLength);
        RequireBothClasses(buffers.Members.Length, buffers.NonMembers.Length);
        var accumulator = new Accumulator(buffers.Members.Length, buffers.NonMembers.Length);
        RocSweep.Walk(buffers.Members, buffers.NonMembers, ref accumulator);
        return accumulator.Result();
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
        private static readonly double[] Fprs = [.. OperatingPoints.Standard];
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
