using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Reports.Plots;

namespace MiaRepro.Tests.Reports;

public sealed class LogAxisTests
{
    [Fact]
    public void Thinning_drops_points_with_fpr_or_tpr_zero_and_keeps_both_ends()
    {
        // Given an ROC that starts at (0, 0) and climbs at FPR 0 before its first false positive
        RocPoint[] points = [new(0, 0, double.PositiveInfinity), new(0, 0.2, 5), new(0.1, 0.2, 4), new(0.1, 0.5, 3), new(0.5, 0.9, 2), new(1, 1, 1)];

        // When
        var kept = LogAxis.Thin(points);

        // Then
        kept.Should().OnlyContain(p => p.Fpr > 0 && p.Tpr > 0);
        kept[0].Should().Be(points[2]);
        kept[^1].Should().Be(points[^1]);
    }

    [Fact]
    public void Thinning_keeps_at_most_two_points_per_bin_and_the_curve_stays_monotone()
    {
        // Given the exact ROC of 200,000 random scores: far more points than a plot has pixels
        var random = new Random(3);
        var scores = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble()).ToArray();
        var members = scores.Select((s, i) => random.NextDouble() < 0.4 + (0.2 * s)).ToArray();
        var curve = RocCurve.Compute(scores, members);

        // When
        var kept = LogAxis.Thin(curve.Points);

        // Then
        var decades = Math.Log10(1.0 / curve.Points.First(p => p.Fpr > 0).Fpr);
        kept.Count.Should().BeLessThanOrEqualTo((int)Math.Ceiling(2 * LogAxis.BinsPerDecade * (decades + 1)));
        kept.Count.Should().BeLessThan(curve.Points.Count / 10);
        kept.Zip(kept.Skip(1)).Should().OnlyContain(p => p.Second.Fpr >= p.First.Fpr && p.Second.Tpr >= p.First.Tpr);
        kept[^1].Should().Be(new RocPoint(1, 1, curve.Points[^1].Threshold));
    }

    [Fact]
    public void Roc_axes_label_each_decade_from_ten_to_the_minus_five_to_one()
    {
        var ticks = LogAxis.Ticks(-5, 0, LogAxis.DecadeLabel);

        ticks.Where(t => t.IsMajor).Select(t => t.Label).Should().Equal("10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰");
        ticks.Count(t => !t.IsMajor).Should().Be(5 * 8, "2…9 × 10^k in each of the five decades");
    }

    [Fact]
    public void A_short_axis_labels_more_than_its_decades()
    {
        // Given TPRs between 8% and 40%: one decade tick (10%) in range
        var ticks = LogAxis.Ticks(Math.Log10(0.08), Math.Log10(0.4), LogAxis.PercentLabel);

        ticks.Where(t => t.IsMajor).Select(t => t.Label).Should().Equal("8%", "9%", "10%", "20%", "30%", "40%");
    }

    [Theory]
    [InlineData(-5, "10⁻⁵")]
    [InlineData(0, "10⁰")]
    [InlineData(12, "10¹²")]
    public void Decades_are_written_with_superscript_exponents(int exponent, string expected) =>
        LogAxis.Decade(exponent).Should().Be(expected);
}
