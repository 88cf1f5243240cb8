using FluentAssertions;
using MiaRepro.Attacks;
using Xunit;

namespace MiaRepro.Tests.Attacks;

public sealed class AttackCatalogTests
{
    [Fact]
    public void Catalog_names_are_stable()
    {
        AttackCatalog.Names.Should().Equal(
            "loss", "lira-online", "lira-offline", "lira-online-global", "lira-offline-global",
            "lira-online-reference", "lira-offline-reference", "lira-online-global-reference", "lira-offline-global-reference",
            "lira-online-global-leakpro", "lira-offline-global-leakpro", "confidence", "entropy",
            "modified-entropy", "calibrated-loss", "shokri", "rmia-online", "rmia-offline", "rmia-offline-tuned", "rmia-online-authors", "rmia-offline-authors");
    }

    [Fact]
    public void Unknown_attack_names_list_the_valid_ones()
    {
        var act = () => AttackCatalog.Get("lira");
        act.Should().Throw<InputException>().WithMessage("*'lira'*loss, lira-online, lira-offline*");
    }

    [Fact]
    public void Loss_attack_scores_minus_the_mean_cross_entropy()
    {
        // Given one model... of four, two queries with φ = 0 and φ = 2 for example 0
        var population = SyntheticPopulation.Of(4, 1, 2, [true, false, true, false], [0, 2, 1, 1, 1, 1, 1, 1]);

        // When
        var score = new LossAttack().Score(population)[0, 0];

        // Then
        score.Should().BeApproximately(-(Math.Log(2) + Math.Log(1 + Math.Exp(-2))) / 2, 1e-14);
    }

    [Fact]
    public void Evaluation_pools_every_target_and_keeps_each_target()
    {
        // Given
        var population = SyntheticPopulation.Gaussian(models: 8, examples: 200, queries: 1, shift: 1.0, seed: 21);

        // When
        var outcome = AttackEvaluation.Run(new LiraOnlineAttack(), population);

        // Then
        outcome.Attack.Should().Be("lira-online");
        outcome.Scores.Should().HaveCount(8 * 200);
        outcome.Pooled.Members.Should().Be(800);
        outcome.Pooled.NonMembers.Should().Be(800);
        outcome.PerTarget.Should().HaveCount(8);
        outcome.PerTarget.Should().OnlyContain(m => m.Members + m.NonMembers == 200);
    }
}
