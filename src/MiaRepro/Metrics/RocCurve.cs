namespace MiaRepro.Metrics;

/// <summary>
/// The exact ROC curve of membership scores (higher score = predicted member): one point per distinct score,
/// ties grouped, from (0, 0) at threshold +∞ to (1, 1).
/// </summary>
public sealed class RocCurve
{
    private RocCurve(IReadOnlyList<RocPoint> points, int members, int nonMembers)
    {
        Points = points;
        Members = members;
        NonMembers = nonMembers;
    }

    public IReadOnlyList<RocPoint> Points { get; }

    public int Members { get; }

    public int NonMembers { get; }

    /// <exception cref="ArgumentException">A NaN score, mismatched lengths, or no member or no non-member.</exception>
    public static RocCurve Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isMember)
    {
        var split = new ScoresByTruth();
        split.Load(scores, isMember);
        var (positives, negatives) = (split.Members.Length, split.NonMembers.Length);
        AttackMetrics.RequireBothClasses(positives, negatives);
        var collector = new Collector(positives, negatives);
        RocSweep.Walk(split.Members, split.NonMembers, ref collector);
        return new RocCurve(collector.Points, positives, negatives);
    }

    private struct Collector(long positives, long negatives) : RocSweep.IVisitor
    {
        public List<RocPoint> Points { get; } = [];

        public readonly void Visit(long truePositives, long falsePositives, double threshold) =>
            Points.Add(new RocPoint((double)falsePositives / negatives, (double)truePositives / positives, threshold));
    }
}
