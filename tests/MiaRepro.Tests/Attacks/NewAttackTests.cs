using System.Diagnostics;
using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using Xunit;

namespace MiaRepro.Tests.Attacks;

/// <summary>Behaviour shared by the attacks beyond LOSS and LiRA, each checked by name through the catalog.</summary>
public sealed class NewAttackTests
{
    public static TheoryData<string> Names => ["confidence", "entropy", "modified-entropy", "calibrated-loss", "shokri", "rmia-online", "rmia-offline"];

    public static TheoryData<string> LogitsNames => ["entropy", "modified-entropy", "shokri"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Attack_separates_members_that_the_models_fit_better(string name)
    {
        // Given members whose true-class logit is 1.5 higher
        var population = SyntheticPopulation.WithLogits(models: 8, examples: 400, queries: 2, classes: 5, shift: 1.5, seed: 31);

        // When
        var outcome = AttackEvaluation.Run(AttackCatalog.Get(name), population);

        // Then
        outcome.Pooled.Auc.Should().BeGreaterThan(0.65);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Attack_is_at_chance_when_members_and_non_members_look_alike(string name)
    {
        // Given
        var population = SyntheticPopulation.WithLogits(models: 16, examples: 600, queries: 2, classes: 5, shift: 0.0, seed: 32);

        // When
        var outcome = AttackEvaluation.Run(AttackCatalog.Get(name), population);

        // Then
        outcome.Pooled.Auc.Should().BeApproximately(0.5, 0.03);
    }

    [Theory]
    [MemberData(nameof(LogitsNames))]
    public void Logits_attacks_say_what_they_miss_and_the_suite_reports_them_unavailable(string name)
    {
        // Given a population with φ only
        var population = SyntheticPopulation.Gaussian(models: 4, examples: 20, queries: 1, shift: 1.0, seed: 33);
        var attack = AttackCatalog.Get(name);

        // When
        var reason = attack.MissingInput(population);
        var suite = AttackSuite.Run(population);
        var act = () => attack.Score(population);

        // Then
        reason.Should().Contain("needs logits.npy");
        suite.Unavailable.Should().ContainKey(name).WhoseValue.Should().Be(reason);
        suite.Outcomes.Should().NotContainKey(name).And.ContainKeys("confidence", "calibrated-loss", "rmia-online", "rmia-offline");
        act.Should().Throw<InputException>().WithMessage("*needs logits.npy*");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Extreme_logits_give_finite_scores(string name)
    {
        // Given every logit ±1e4
        var population = SyntheticPopulation.Extreme(
            SyntheticPopulation.WithLogits(models: 6, examples: 40, queries: 2, classes: 4, shift: 1.0, seed: 34), 1e4f, seed: 35);

        // When
        var scores = AttackCatalog.Get(name).Score(population).Values;

        // Then
        scores.Should().OnlyContain(s => double.IsFinite(s));
    }

    [Theory]
    [InlineData("confidence", false)]
    [InlineData("entropy", false)]
    [InlineData("modified-entropy", true)]
    [InlineData("calibrated-loss", true)]
    [InlineData("shokri", true)]
    public void The_target_is_left_out_of_its_shadows(string name, bool usesShadows)
    {
        // Given a population, and the same one where target 0's outputs on every example but 0 are replaced
        var population = SyntheticPopulation.WithLogits(models: 6, examples: 60, queries: 2, classes: 3, shift: 1.0, seed: 36);
        var changed = SyntheticPopulation.Extreme(population, 50f, seed: 37);
        var (logits, scores) = ((float[])population.Logits!.Clone(), (double[])population.Scores.Clone());
        var (rowLogits, rowScores) = (60 * 2 * 3, 60 * 2);
        Array.Copy(changed.Logits!, 2 * 3, logits, 2 * 3, rowLogits - (2 * 3));
        Array.Copy(changed.Scores, 2, scores, 2, rowScores - 2);
        var attack = AttackCatalog.Get(name);

        // When
        var before = attack.Score(population);
        var after = attack.Score(population with { Logits = logits, Scores = scores });

        // Then target 0's score on example 0 is the same: its other outputs were not shadows; they are for the others
        after[0, 0].Should().Be(before[0, 0]);
        after.Values.Skip(60).SequenceEqual(before.Values.Skip(60)).Should().Be(!usesShadows);
    }

    [Fact]
    public void New_attacks_on_sixteen_models_by_two_thousand_examples_and_ten_classes_take_moments()
    {
        // Given
        var population = SyntheticPopulation.WithLogits(models: 16, examples: 2000, queries: 2, classes: 10, shift: 1.0, seed: 38);

        foreach (var name in new[] { "confidence", "entropy", "modified-entropy", "calibrated-loss", "shokri", "rmia-online", "rmia-offline" })
        {
            // When
            var clock = Stopwatch.StartNew();
            var scores = AttackCatalog.Get(name).Score(population);
            clock.Stop();

            // Then
            scores.Values.Should().HaveCount(16 * 2000);
            TestContext.Current.TestOutputHelper?.WriteLine($"{name} on 16×2000×2×10: {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
    }
}
