using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Metrics;

namespace MiaRepro.Tests.Attacks;

/// <summary><c>rmia-offline-tuned</c>: a chosen per target by attacking its paired model, as Privacy Meter's tune_offline_a.</summary>
public sealed class RmiaTunedTests
{
    [Theory]
    [InlineData(0, 8, 1)]
    [InlineData(1, 8, 0)]
    [InlineData(6, 8, 7)]
    [InlineData(6, 7, 5)]
    public void Models_pair_by_their_last_bit(int target, int models, int paired) =>
        RmiaTunedAttack.Paired(target, models).Should().Be(paired);

    [Fact]
    public void Each_target_is_scored_with_the_a_that_attacks_its_paired_model_best()
    {
        // Given a population with signal
        var population = SyntheticPopulation.Gaussian(models: 8, examples: 200, queries: 2, shift: 1.0, seed: 21);

        // When the tuned attack scores it
        var tuned = new RmiaTunedAttack().Score(population);

        // Then each target's row is that of the fixed-a attack whose paired-model AUC is the highest (first on ties)
        var byA = RmiaTunedAttack.Grid.Select(a => RmiaAttack.Offline(a).Score(population).Values).ToList();
        for (var t = 0; t < population.Models; t++)
        {
            var paired = RmiaTunedAttack.Paired(t, population.Models);
            var aucs = byA.Select(v => AttackMetrics.Compute(
                v.Skip(paired * population.Examples).Take(population.Examples).ToArray(),
                population.Keep.Skip(paired * population.Examples).Take(population.Examples).ToArray()).Auc).ToList();
            var best = aucs.IndexOf(aucs.Max());
            tuned.Values.Skip(t * population.Examples).Take(population.Examples)
                .Should().Equal(byA[best].Skip(t * population.Examples).Take(population.Examples), $"target {t} uses a = {RmiaTunedAttack.Grid[best]}");
        }
    }
}
