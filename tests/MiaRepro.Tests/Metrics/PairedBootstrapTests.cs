using System.Diagnostics;
using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Tests.Attacks;
using Xunit;

namespace MiaRepro.Tests.Metrics;

public sealed class PairedBootstrapTests
{
    // Two "recipes" on the same examples and keep matrix (same seed): one leaks much more than the other.
    private static readonly Population Strong = SyntheticPopulation.Gaussian(models: 8, examples: 1000, queries: 1, shift: 2.0, seed: 31);
    private static readonly Population Weak = SyntheticPopulation.Gaussian(models: 8, examples: 1000, queries: 1, shift: 0.5, seed: 31);

    [Fact]
    public void Same_seed_gives_the_same_interval()
    {
        // Given
        var (a, b) = TwoRecipes();

        // When
        var first = PairedBootstrap.Compare(a, b, Strong.Keep, 8, 1000, m => m.Tpr(0.1), replicates: 200, seed: 5);
        var second = PairedBootstrap.Compare(a, b, Strong.Keep, 8, 1000, m => m.Tpr(0.1), replicates: 200, seed: 5);
        var other = PairedBootstrap.Compare(a, b, Strong.Keep, 8, 1000, m => m.Tpr(0.1), replicates: 200, seed: 6);

        // Then
        second.Should().BeEquivalentTo(first);
        other.RatioCi95.Should().NotBe(first.RatioCi95);
    }

    [Fact]
    public void Identical_recipes_have_a_ratio_interval_containing_one()
    {
        // Given A = B
        var (a, _) = TwoRecipes();

        // When
        var comparison = PairedBootstrap.Compare(a, a, Strong.Keep, 8, 1000, m => m.Auc, replicates: 200, seed: 1);

        // Then
        comparison.Ratio.Should().Be(1.0);
        comparison.RatioCi95.Contains(1.0).Should().BeTrue();
        comparison.DifferenceCi95.Should().Be(new Interval(0, 0));
        comparison.Undefined.Should().Be(0);
        comparison.Excluded.Should().Be(0);
    }

    [Fact]
    public void A_clearly_stronger_attack_has_a_ratio_interval_above_one()
    {
        // Given the leakier recipe (A) against the other (B)
        var (a, b) = TwoRecipes();

        // When
        var comparison = PairedBootstrap.Compare(a, b, Strong.Keep, 8, 1000, m => m.Tpr(0.01), replicates: 300, seed: 2);

        // Then
        comparison.Ratio.Should().BeGreaterThan(1.0);
        comparison.RatioCi95.Lower.Should().BeGreaterThan(1.0);
        comparison.DifferenceCi95.Lower.Should().BeGreaterThan(0.0);
        comparison.RatioCi95.Contains(comparison.Ratio).Should().BeTrue();
        comparison.Replicates.Should().Be(300);
    }

    [Fact]
    public void Zero_over_zero_replicates_are_excluded_and_counted()
    {
        // Given two recipes whose scores are all tied: TPR@1% is 0 for both
        var flat = new double[8 * 1000];

        // When
        var comparison = PairedBootstrap.Compare(flat, flat, Strong.Keep, 8, 1000, m => m.Tpr(0.01), replicates: 50, seed: 3);

        // Then
        comparison.Excluded.Should().Be(50);
        double.IsNaN(comparison.Ratio).Should().BeTrue();
        comparison.DifferenceCi95.Should().Be(new Interval(0, 0));
    }

    [Fact]
    public void Ratio_treats_a_zero_denominator_as_infinity()
    {
        PairedBootstrap.Ratio(0.2, 0).Should().Be(double.PositiveInfinity);
        double.IsNaN(PairedBootstrap.Ratio(0, 0)).Should().BeTrue();
        PairedBootstrap.Ratio(0.3, 0.1).Should().BeApproximately(3.0, 1e-15);
    }

    [Fact]
    public void Thousand_replicates_on_sixteen_models_by_four_thousand_examples_complete_and_report_their_time()
    {
        // Given
        var population = SyntheticPopulation.Gaussian(models: 16, examples: 4000, queries: 2, shift: 1.0, seed: 32);
        var a = new LiraOnlineAttack().Score(population).Values;
        var b = new LossAttack().Score(population).Values;
        var clock = Stopwatch.StartNew();

        // When
        var comparison = PairedBootstrap.Compare(a, b, population.Keep, 16, 4000, m => m.Tpr(0.001), seed: 4);

        // Then
        comparison.Replicates.Should().Be(1000);
        TestContext.Current.SendDiagnosticMessage($"bootstrap 1000 × 16×4000: {clock.Elapsed.TotalSeconds:F2} s");
    }

    private static (double[] A, double[] B) TwoRecipes()
    {
        Weak.Keep.Should().Equal(Strong.Keep);
        var attack = new LiraOfflineAttack(LiraVariance.Global);
        return (attack.Score(Strong).Values, attack.Score(Weak).Values);
    }
}
