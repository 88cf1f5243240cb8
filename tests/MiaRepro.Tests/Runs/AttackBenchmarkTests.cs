using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Runs;
using MiaRepro.Signals;

namespace MiaRepro.Tests.Runs;

public sealed class AttackBenchmarkTests
{
    [Fact]
    public void Every_attack_is_timed_or_says_why_it_could_not_run()
    {
        // Given a small synthetic population (φ only) / When the attack benchmark runs
        var timings = AttackBenchmark.Run(models: 8, examples: 300, queries: 2, seed: 1);

        // Then every catalog attack appears once; those that need logits say so, the rest have times and an AUC
        timings.Select(t => t.Attack).Should().Equal(AttackCatalog.Names);
        foreach (var t in timings)
        {
            if (t.NotRun is null)
            {
                ShouldBeTimed(t);
            }
            else
            {
                t.NotRun.Should().Contain("logits");
                t.Seconds.Should().BeNull();
            }
        }
    }

    [Fact]
    public void With_synthetic_logits_every_attack_is_timed()
    {
        // Given logits of 4 classes / When
        var timings = AttackBenchmark.Run(models: 8, examples: 200, queries: 2, seed: 3, classes: 4);

        // Then nothing is left out
        timings.Select(t => t.Attack).Should().Equal(AttackCatalog.Names);
        timings.Should().AllSatisfy(ShouldBeTimed);
    }

    [Fact]
    public void Synthetic_population_is_balanced_and_members_score_higher()
    {
        var population = AttackBenchmark.Synthetic(models: 8, examples: 500, queries: 1, seed: 2);

        population.Keep.Count(k => k).Should().Be(8 * 500 / 2);
        var lira = AttackEvaluation.Run(new LiraOnlineAttack(LiraVariance.Global), population);
        lira.Pooled.Auc.Should().BeGreaterThan(0.55);
        AttackBenchmark.Synthetic(8, 500, 1, 2).Scores.Should().Equal(population.Scores);
    }

    [Fact]
    public void Synthetic_logits_give_exactly_the_population_phi_and_the_same_keep_matrix()
    {
        // Given the same seed with and without logits
        var phiOnly = AttackBenchmark.Synthetic(models: 6, examples: 50, queries: 2, seed: 4);
        var withLogits = AttackBenchmark.Synthetic(models: 6, examples: 50, queries: 2, seed: 4, classes: 5);

        // Then φ is recomputed from the float32 logits (so it agrees with them) and stays close to the drawn φ
        withLogits.Keep.Should().Equal(phiOnly.Keep);
        withLogits.Labels.Should().Equal(Enumerable.Range(0, 50).Select(n => (long)(n % 5)));
        for (var row = 0; row < withLogits.Scores.Length; row++)
        {
            var logits = withLogits.Logits.AsSpan(row * 5, 5);
            withLogits.Scores[row].Should().Be(LogitSignals.Phi(logits, withLogits.Labels[row / 2 % 50]));
            withLogits.Scores[row].Should().BeApproximately(phiOnly.Scores[row], 1e-4);
        }

        AttackBenchmark.Synthetic(6, 50, 2, 4, classes: 5).Logits.Should().Equal(withLogits.Logits);
    }

    private static void ShouldBeTimed(AttackTiming t)
    {
        t.NotRun.Should().BeNull();
        t.ScoringSeconds.Should().BePositive();
        t.MetricsSeconds.Should().BePositive();
        t.Seconds.Should().Be(t.ScoringSeconds + t.MetricsSeconds);
        t.CpuSeconds.Should().BeGreaterThanOrEqualTo(0);
        t.BytesPerSecond.Should().BePositive();
        t.Auc.Should().BeInRange(0, 1);
    }
}
