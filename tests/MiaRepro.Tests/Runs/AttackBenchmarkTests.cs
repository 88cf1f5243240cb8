using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Runs;

namespace MiaRepro.Tests.Runs;

public sealed class AttackBenchmarkTests
{
    [Fact]
    public void Every_attack_is_timed_or_says_why_it_could_not_run()
    {
        // Given a small synthetic population (φ only) / When the attack benchmark runs
        var timings = AttackBenchmark.Run(models: 8, examples: 300, queries: 2, seed: 1);

        // Then every catalog attack appears once; those that need logits say so, the rest have a time and an AUC
        timings.Select(t => t.Attack).Should().Equal(AttackCatalog.Names);
        foreach (var t in timings)
        {
            if (t.NotRun is null)
            {
                t.Seconds.Should().BePositive();
                t.BytesPerSecond.Should().BePositive();
                t.Auc.Should().BeInRange(0, 1);
            }
            else
            {
                t.NotRun.Should().Contain("logits");
            }
        }
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
}
