using System.Diagnostics;
using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Numerics;
using MiaRepro.Populations;
using MiaRepro.Tests.Attacks;

namespace MiaRepro.Tests.Metrics;

public sealed class MetricBootstrapTests
{
    [Fact]
    public void Intervals_contain_the_point_estimates_and_the_analytic_auc_and_tpr()
    {
        // Given scores N(1, 1) for members and N(0, 1) for non-members: AUC = Φ(1/√2), TPR at FPR t = 1 − Φ(Φ⁻¹(1 − t) − 1)
        var population = Separated(models: 16, examples: 2000, seed: 41);
        var point = AttackMetrics.Compute(population.Scores, population.Keep);

        // When
        var intervals = MetricBootstrap.Intervals([population.Scores], population.Keep, 16, 2000, replicates: 400, seed: 7).Single();

        // Then
        intervals.Auc.Contains(point.Auc).Should().BeTrue();
        intervals.Auc.Contains(StandardNormal.Cdf(1 / Math.Sqrt(2))).Should().BeTrue();
        intervals.Tpr(0.1)!.Contains(point.Tpr(0.1)!.Value).Should().BeTrue();
        intervals.Tpr(0.1)!.Contains(1 - StandardNormal.Cdf(1.2815515655446004 - 1)).Should().BeTrue();
        intervals.Tpr(0.01)!.Contains(point.Tpr(0.01)!.Value).Should().BeTrue();
        intervals.Replicates.Should().Be(400);
    }

    [Fact]
    public void Intervals_narrow_with_more_examples()
    {
        // Given the same separation on 500 and on 8,000 examples
        var small = Separated(models: 8, examples: 500, seed: 42);
        var large = Separated(models: 8, examples: 8000, seed: 42);

        // When
        var narrow = MetricBootstrap.Intervals([large.Scores], large.Keep, 8, 8000, replicates: 200, seed: 1).Single();
        var wide = MetricBootstrap.Intervals([small.Scores], small.Keep, 8, 500, replicates: 200, seed: 1).Single();

        // Then (16× the examples: about a quarter of the width)
        Width(narrow.Auc).Should().BeLessThan(Width(wide.Auc) / 2);
        Width(narrow.Tpr(0.1)!).Should().BeLessThan(Width(wide.Tpr(0.1)!) / 2);
    }

    [Fact]
    public void Same_seed_gives_the_same_intervals_and_another_seed_other_ones()
    {
        var population = Separated(models: 8, examples: 1000, seed: 43);
        double[][] sets = [population.Scores, [.. population.Scores.Select(s => -s)]];

        var first = MetricBootstrap.Intervals(sets, population.Keep, 8, 1000, replicates: 100, seed: 5);
        var second = MetricBootstrap.Intervals(sets, population.Keep, 8, 1000, replicates: 100, seed: 5);
        var other = MetricBootstrap.Intervals(sets, population.Keep, 8, 1000, replicates: 100, seed: 6);

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
        other[0].Auc.Should().NotBe(first[0].Auc);
        first.Should().HaveCount(2);
        first[1].Auc.Upper.Should().BeLessThan(0.5);
    }

    [Fact]
    public void A_tpr_that_is_null_on_the_full_data_has_a_null_interval()
    {
        // Given 4,000 non-member cells: TPR at 0.1% FPR needs 10,000
        var population = Separated(models: 8, examples: 1000, seed: 44);

        // When
        var intervals = MetricBootstrap.Intervals([population.Scores], population.Keep, 8, 1000, replicates: 50, seed: 2).Single();

        // Then
        AttackMetrics.Compute(population.Scores, population.Keep).Tpr(0.001).Should().BeNull();
        intervals.Tpr(0.001).Should().BeNull();
        intervals.Tpr(0.0001).Should().BeNull();
        intervals.Tpr(0.01).Should().NotBeNull();
        intervals.TprAtFpr.Select(t => t.Fpr).Should().Equal(OperatingPoints.Standard);
    }

    [Fact]
    public void Intervals_use_the_draws_of_the_paired_bootstrap_with_the_same_seed()
    {
        // Given an attack against one whose scores all tie (TPR at 1% FPR is 0 in every replicate)
        var population = Separated(models: 8, examples: 2000, seed: 45);
        var flat = new double[population.Scores.Length];

        // When
        var intervals = MetricBootstrap.Intervals([population.Scores], population.Keep, 8, 2000, replicates: 150, seed: 9).Single();
        var paired = PairedBootstrap.Compare(population.Scores, flat, population.Keep, 8, 2000, m => m.Tpr(0.01), replicates: 150, seed: 9);

        // Then the difference A − 0 replicates A exactly
        intervals.Tpr(0.01).Should().Be(paired.DifferenceCi95);
    }

    [Fact]
    public void The_branch_free_sweep_gives_the_weighted_roc_metrics_bit_for_bit_on_tied_scores()
    {
        // Given scores with many ties (and so groups of which only some cells are drawn)
        var random = new Random(47);
        var population = Separated(models: 10, examples: 3000, seed: 47);
        var tied = population.Scores.Select(s => Math.Round(s * 3) / 3).ToArray();
        var cells = new BootstrapCells(tied, population.Keep);
        var draw = new BootstrapDraw(population.Keep, 10, 3000);
        var tprs = new double[OperatingPoints.Standard.Count];

        for (var r = 0; r < 20; r++)
        {
            // When
            draw.Draw((ulong)random.NextInt64(), r);
            var auc = draw.AucAndTprs(cells, tprs);
            var metrics = draw.Metrics(cells)!;

            // Then
            auc.Should().Be(metrics.Auc);
            tprs.Should().Equal(metrics.TprAtFpr.Select(t => t.Tpr ?? double.NaN));
        }
    }

    [Fact]
    public void Twelve_attacks_on_the_smoke_shape_with_a_thousand_replicates_report_their_time()
    {
        // Given twelve score sets on 16 models × 2,000 examples (one smoke recipe)
        var population = Separated(models: 16, examples: 2000, seed: 46);
        var sets = Enumerable.Range(0, 12).Select(k => population.Scores.Select(s => s * (1 + k)).ToArray()).ToArray();
        var clock = Stopwatch.StartNew();

        // When
        var intervals = MetricBootstrap.Intervals(sets, population.Keep, 16, 2000, replicates: 1000, seed: 3);

        // Then
        intervals.Should().HaveCount(12).And.AllSatisfy(i => i.Replicates.Should().Be(1000));
        TestContext.Current.SendDiagnosticMessage($"intervals, 12 sets × 1000 replicates × 16×2000: {clock.Elapsed.TotalSeconds:F2} s");
    }

    private static Population Separated(int models, int examples, int seed) =>
        SyntheticPopulation.Gaussian(models, examples, queries: 1, shift: 1.0, seed, difficultySpread: 0.0);

    private static double Width(Interval interval) => interval.Upper - interval.Lower;
}
