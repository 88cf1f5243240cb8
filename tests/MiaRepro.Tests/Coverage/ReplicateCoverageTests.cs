using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Coverage;
using Xunit;

namespace MiaRepro.Tests.Coverage;

/// <summary>
/// <see cref="ReplicateCoverage"/> on populations with known answers: effects drawn independently per population, so
/// the claims scale's intervals are calibrated by construction and the measured coverage must show it (the rate near
/// <see cref="ReplicateCoverage.ExpectedRate"/>, the widened rate near 95%); and intervals that cannot hold the effect
/// (every population shifted but one) must show as low coverage.
/// </summary>
public sealed class ReplicateCoverageTests
{
    private const int Replicates = 5;

    [Fact]
    public void Calibrated_intervals_hold_the_other_populations_estimate_as_often_as_a_calibrated_interval_does()
    {
        // Given 40 independent sets of 12 populations, each with an AUC difference ~ N(0.08, 0.01) and a TPR ratio whose
        // sides are lognormal around 0.05 and 0.01
        var rng = new Random(7);
        var (intervals, covered, adjusted) = (new int[2], new int[2], new int[2]);
        double expected = 0;
        for (var set = 0; set < 40; set++)
        {
            var populations = Enumerable.Range(0, 12).Select(_ => Population(
                0.08 + (0.01 * Normal(rng)), 0.05 * Math.Exp(0.3 * Normal(rng)), 0.01 * Math.Exp(0.3 * Normal(rng)))).ToList();

            // When every 5-subset's interval is compared with the other 7's estimate
            var result = ReplicateCoverage.Measure(populations, Replicates);
            result.Subsets.Should().Be(792, "every 5-subset of 12 is formed");
            expected = result.Expected;
            foreach (var (kind, i) in new[] { (PartKind.AucDifference, 0), (PartKind.TprRatio, 1) })
            {
                var k = result.Kinds.Single(p => p.Kind == kind);
                (intervals[i], covered[i], adjusted[i]) = (intervals[i] + k.Intervals, covered[i] + k.Covered, adjusted[i] + k.CoveredAdjusted);
            }
        }

        // Then the rate is what a calibrated interval gives, and 95% once widened for the reference's noise
        expected.Should().BeApproximately(ReplicateCoverage.ExpectedRate(12, 5), 1e-12).And.BeInRange(0.85, 0.92);
        for (var i = 0; i < 2; i++)
        {
            intervals[i].Should().Be(40 * 792);
            ((double)covered[i] / intervals[i]).Should().BeApproximately(expected, 0.035, $"kind {i}'s raw rate");
            ((double)adjusted[i] / intervals[i]).Should().BeApproximately(0.95, 0.03, $"kind {i}'s widened rate");
        }
    }

    [Fact]
    public void An_interval_that_misses_the_others_estimate_counts_as_not_covering()
    {
        // Given 10 populations with the same AUC difference but one, far off: a subset without it has no spread, so its
        // interval is the point 0.08, and the others' estimate holds the outlier; a subset with it is wide and holds 0.08
        var populations = Enumerable.Range(0, 10).Select(i => Population(i == 9 ? 0.5 : 0.08, 0.05, 0.01)).ToList();

        // When coverage is measured
        var auc = ReplicateCoverage.Measure(populations, Replicates).Parts.Single(p => p.Part == "auc_difference");

        // Then the C(9, 5) = 126 subsets without the outlier miss and the C(9, 4) = 126 with it cover
        auc.Intervals.Should().Be(252);
        auc.Covered.Should().Be(126);
        auc.Rate.Should().Be(0.5);
    }

    [Fact]
    public void The_expected_rate_is_below_95_percent_by_the_reference_noise()
    {
        ReplicateCoverage.ExpectedRate(10, 5).Should().BeApproximately(0.879, 0.002);
        ReplicateCoverage.ExpectedRate(1_000_000, 5).Should().BeApproximately(0.95, 1e-4);
        ReplicateCoverage.AdjustedWidth(10, 5).Should().BeApproximately(Math.Sqrt(2), 1e-12);
    }

    [Fact]
    public void A_subset_that_cannot_form_an_interval_is_counted_as_not_formed()
    {
        // Given 6 populations whose ratio's denominator is 0 in all but one: a leave-one-out ratio is undefined
        var populations = Enumerable.Range(0, 6).Select(i => Population(0.08, 0.05, i == 0 ? 0.01 : 0)).ToList();

        var tpr = ReplicateCoverage.Measure(populations, Replicates).Parts.Single(p => p.Part == "tpr_ratio");

        tpr.NotFormed.Should().Be(6);
        tpr.Intervals.Should().Be(0);
        tpr.Rate.Should().Be(double.NaN);
    }

    [Fact]
    public void Coverage_needs_more_populations_than_replicates()
    {
        var populations = Enumerable.Range(0, 5).Select(_ => Population(0.08, 0.05, 0.01)).ToList();

        var measure = () => ReplicateCoverage.Measure(populations, Replicates);

        measure.Should().Throw<ArgumentException>().WithMessage("*2 ≤ R < N ≤ 24*");
    }

    private static IReadOnlyList<ClaimResult> Population(double aucDifference, double tprA, double tprB) =>
    [
        new ClaimResult("C9", "A lowers B.", Verdict.Inconclusive, tprA / tprB, null, 1, "ratio", string.Empty)
        {
            Parts =
            [
                new ClaimPart("tpr_ratio", "ratio", tprB > 0 ? tprA / tprB : null, null, 1, null) { Sides = (tprA, tprB) },
                new ClaimPart("auc_difference", "difference", aucDifference, null, 0, null) { Ratio = false },
            ],
        },
    ];

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
