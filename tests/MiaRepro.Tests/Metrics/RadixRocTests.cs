using FluentAssertions;
using MiaRepro.Metrics;

namespace MiaRepro.Tests.Metrics;

/// <summary>
/// The fast path (scores as sortable integer keys, split by truth, radix-sorted, merged from the top) against the
/// exact ROC it replaced (a comparison sort of the scores descending, walked with ties grouped).
/// </summary>
public sealed class RadixRocTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 255)]
    [InlineData(3, 257)]
    [InlineData(4, 5_000)]
    [InlineData(5, 60_000)]
    [InlineData(6, 700_000)]
    public void Radix_path_gives_the_metrics_and_points_of_the_comparison_sort_on_data_with_many_ties(int seed, int length)
    {
        // Given scores rounded to a few hundred values (so most of them tie), both signs of zero, and infinities
        var (scores, members) = TiedScores(seed, length);

        // When
        var fast = AttackMetrics.Compute(scores, members);
        var reference = Reference(scores, members);

        // Then every number is bit-identical, and so is the curve
        fast.Should().BeEquivalentTo(reference, o => o.WithStrictOrdering());
        RocCurve.Compute(scores, members).Points.Select(p => (p.Fpr, p.Tpr))
            .Should().Equal(ReferencePoints(scores, members).Select(p => (p.Fpr, p.Tpr)));
    }

    [Fact]
    public void Per_row_metrics_equal_each_row_computed_alone()
    {
        // Given 37 rows of 400 tied scores
        var (scores, members) = TiedScores(9, 37 * 400);
        for (var row = 0; row < 37; row++)
        {
            members[row * 400] = true;
            members[(row * 400) + 1] = false;
        }

        // When
        var rows = AttackMetrics.ComputeRows(scores, members, 37);

        // Then
        rows.Should().HaveCount(37);
        for (var row = 0; row < 37; row++)
        {
            rows[row].Should().BeEquivalentTo(Reference(scores.AsSpan(row * 400, 400).ToArray(), members.AsSpan(row * 400, 400).ToArray()));
        }
    }

    [Fact]
    public void Sortable_keys_keep_the_order_of_the_scores_and_make_the_two_zeros_one()
    {
        double[] ascending = [double.NegativeInfinity, double.MinValue, -1.5, -double.Epsilon, 0.0, double.Epsilon, 1e-300, 2.0, double.MaxValue, double.PositiveInfinity];

        var keys = ascending.Select(SortableKeys.FromScore).ToArray();

        keys.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        SortableKeys.FromScore(-0.0).Should().Be(SortableKeys.FromScore(0.0));
        keys.Select(SortableKeys.ToScore).Should().Equal(ascending);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(100_000)]
    [InlineData(300_000)]
    public void Radix_sort_sorts_like_a_comparison_sort(int length)
    {
        // Given keys that share their high bytes (so some passes are skipped), keys that do not, and keys of scores
        var random = new Random(length);
        var narrow = Enumerable.Range(0, length).Select(_ => (ulong)random.NextInt64(1 << 20)).ToArray();
        var wide = Enumerable.Range(0, length).Select(_ => (ulong)random.NextInt64() * 3).ToArray();
        var scores = Enumerable.Range(0, length).Select(_ => SortableKeys.FromScore(Math.Round(random.NextDouble() * 1e4) * Math.Tan(random.NextDouble() * 3))).ToArray();

        foreach (var keys in new[] { narrow, wide, scores })
        {
            // When
            var sorted = keys.ToArray();
            SortableKeys.Sort(sorted, new ulong[length]);

            // Then
            sorted.Should().Equal(keys.Order());
        }
    }

    private static (double[] Scores, bool[] Members) TiedScores(int seed, int length)
    {
        var random = new Random(seed);
        var scores = new double[length];
        var members = new bool[length];
        for (var i = 0; i < length; i++)
        {
            members[i] = i == 0 || (i != 1 && random.NextDouble() < 0.45);
            var value = Math.Round((random.NextDouble() * 40) - 20 + (members[i] ? 2 : 0)) / 4;
            scores[i] = random.Next(50) switch
            {
                0 => -0.0,
                1 => 0.0,
                2 => double.PositiveInfinity,
                3 => double.NegativeInfinity,
                _ => value,
            };
        }

        return (scores, members);
    }

    private static AttackMetrics Reference(double[] scores, bool[] members)
    {
        var (sorted, truth, _) = RocSweep.SortDescending(scores, members);
        return AttackMetrics.FromSorted(sorted, truth, default);
    }

    private static List<RocPoint> ReferencePoints(double[] scores, bool[] members)
    {
        var (sorted, truth, _) = RocSweep.SortDescending(scores, members);
        var (positives, negatives) = RocSweep.Totals(truth, default);
        var collector = new PointCollector(positives, negatives, []);
        RocSweep.Walk(sorted, truth, default, ref collector);
        return collector.Points;
    }

    private readonly struct PointCollector(long positives, long negatives, List<RocPoint> points) : RocSweep.IVisitor
    {
        public List<RocPoint> Points => points;

        public void Visit(long truePositives, long falsePositives, double threshold) =>
            points.Add(new RocPoint((double)falsePositives / negatives, (double)truePositives / positives, threshold));
    }
}
