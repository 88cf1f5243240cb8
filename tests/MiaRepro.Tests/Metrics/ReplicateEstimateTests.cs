using FluentAssertions;
using MiaRepro.Metrics;
using Xunit;

namespace MiaRepro.Tests.Metrics;

/// <summary>The replicate estimate: its arithmetic, its refusals, and its coverage when the replicates are what it assumes.</summary>
public sealed class ReplicateEstimateTests
{
    [Fact]
    public void A_ratio_is_the_geometric_mean_with_a_t_interval_on_the_log_scale()
    {
        // Given three replicates' ratios 1, 2 and 4 (logs 0, ln 2, 2 ln 2: mean ln 2, SD ln 2)
        var estimate = ReplicateEstimate.Of([1, 2, 4], ratio: true)!;

        // Then the estimate is 2 and the interval 2 · exp(±t(0.975, 2) · ln 2 / √3)
        var half = 4.302653 * Math.Log(2) / Math.Sqrt(3);
        estimate.Effect.Should().BeApproximately(2, 1e-12);
        estimate.Ci95.Lower.Should().BeApproximately(2 * Math.Exp(-half), 1e-5);
        estimate.Ci95.Upper.Should().BeApproximately(2 * Math.Exp(half), 1e-5);
        estimate.DegreesOfFreedom.Should().Be(2);
        estimate.PAbove(1).Should().BeLessThan(0.5).And.BeGreaterThan(0.025, "1 lies inside the 95% interval");
        estimate.PBelow(2).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void A_difference_is_the_mean_with_a_t_interval()
    {
        var estimate = ReplicateEstimate.Of([0.04, 0.05, 0.06, 0.05], ratio: false)!;
        var sd = Math.Sqrt(0.0002 / 3);
        estimate.Effect.Should().BeApproximately(0.05, 1e-15);
        estimate.Ci95.Lower.Should().BeApproximately(0.05 - (3.182446 * sd / 2), 1e-7);
        estimate.PAbove(0).Should().BeLessThan(0.001);
    }

    [Fact]
    public void It_is_not_formed_from_one_replicate_a_zero_ratio_or_a_value_that_is_not_finite()
    {
        ReplicateEstimate.Of([2.0], ratio: true).Should().BeNull();
        ReplicateEstimate.Of([2.0, 0.0], ratio: true).Should().BeNull("a ratio of 0 has no log");
        ReplicateEstimate.Of([2.0, double.PositiveInfinity], ratio: true).Should().BeNull();
        ReplicateEstimate.Of([-0.1, 0.2], ratio: false).Should().NotBeNull("a difference may be negative");
    }

    [Fact]
    public void A_ratio_of_two_measured_sides_pools_them_and_takes_its_error_from_the_delete_one_replicate_jackknife()
    {
        // Given four replicates' TPRs, one with a denominator of 0 (its own ratio is infinite)
        double[] lira = [0.03, 0.025, 0.035, 0.028];
        double[] loss = [0.001, 0.0, 0.002, 0.001];

        // When
        var estimate = ReplicateEstimate.OfRatio(lira, loss)!;

        // Then the pooled ratio is finite, and the interval is ln θ ± t(0.975, 3) · SE_jackknife
        estimate.Effect.Should().BeApproximately(0.118 / 0.004, 1e-12);
        var logs = Enumerable.Range(0, 4).Select(i => Math.Log((0.118 - lira[i]) / (0.004 - loss[i]))).ToArray();
        var se = Math.Sqrt(0.75 * logs.Sum(v => (v - logs.Average()) * (v - logs.Average())));
        estimate.StandardError.Should().BeApproximately(se, 1e-12);
        estimate.Ci95.Lower.Should().BeApproximately(estimate.Effect * Math.Exp(-3.182446 * se), 1e-4);
        estimate.Values[1].Should().Be(double.PositiveInfinity);
        ReplicateEstimate.OfRatio([0.03, 0.02], [0.0, 0.001]).Should().BeNull("leaving out the one replicate with a denominator leaves 0");
        ReplicateEstimate.OfRatio([0.03], [0.001]).Should().BeNull();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void The_interval_covers_the_true_effect_in_95_percent_of_designs_of_normal_log_effects(int replicates)
    {
        // Given 10,000 designs of R replicates whose log effects are N(ln 1.5, 0.3²)
        var random = new Random(replicates);
        var covered = 0;
        const int Designs = 10_000;
        for (var d = 0; d < Designs; d++)
        {
            var values = Enumerable.Range(0, replicates).Select(_ => Math.Exp(Math.Log(1.5) + (0.3 * Normal(random)))).ToArray();
            covered += ReplicateEstimate.Of(values, ratio: true)!.Ci95.Contains(1.5) ? 1 : 0;
        }

        // Then 95% ± 3 binomial SEs (0.65%)
        ((double)covered / Designs).Should().BeInRange(0.943, 0.957);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
