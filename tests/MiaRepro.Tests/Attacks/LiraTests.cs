using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Numerics;
using MiaRepro.Populations;
using Xunit;

namespace MiaRepro.Tests.Attacks;

public sealed class LiraTests
{
    [Theory]
    [InlineData("lira-online")]
    [InlineData("lira-offline")]
    [InlineData("lira-online-global")]
    [InlineData("lira-offline-global")]
    public void Lira_reaches_the_analytic_auc_for_a_known_shift(string name)
    {
        // Given members shifted by d = 0.7 (noise 1, two queries): the best test has AUC Φ(d·√2/√2) = Φ(0.7);
        // enough shadows (63) that fitting a σ per example costs little
        var population = SyntheticPopulation.Gaussian(models: 64, examples: 500, queries: 2, shift: 0.7, seed: 11);

        // When
        var outcome = AttackEvaluation.Run(AttackCatalog.Get(name), population);

        // Then
        outcome.Pooled.Auc.Should().BeApproximately(StandardNormal.Cdf(0.7), 0.03);
    }

    [Theory]
    [InlineData("lira-online")]
    [InlineData("lira-offline")]
    [InlineData("lira-online-global")]
    [InlineData("lira-offline-global")]
    [InlineData("loss")]
    public void Attacks_are_at_chance_when_members_and_non_members_look_alike(string name)
    {
        // Given identical IN and OUT distributions (and enough shadows: with few, the per-example fits of the
        // smaller leave-one-out group overfit and push online LiRA below 0.5)
        var population = SyntheticPopulation.Gaussian(models: 64, examples: 500, queries: 2, shift: 0.0, seed: 12);

        // When
        var outcome = AttackEvaluation.Run(AttackCatalog.Get(name), population);

        // Then
        outcome.Pooled.Auc.Should().BeApproximately(0.5, 0.02);
    }

    [Fact]
    public void Lira_beats_loss_when_examples_differ_in_difficulty()
    {
        // Given per-example difficulty spread 3 and a shift of 1
        var population = SyntheticPopulation.Gaussian(models: 16, examples: 1000, queries: 1, shift: 1.0, seed: 13);

        // When
        var lira = AttackEvaluation.Run(new LiraOnlineAttack(), population);
        var loss = AttackEvaluation.Run(new LossAttack(), population);

        // Then
        lira.Pooled.Auc.Should().BeGreaterThan(loss.Pooled.Auc + 0.1);
    }

    [Fact]
    public void Lira_online_leaves_the_target_out_of_its_shadows()
    {
        // Given one example: models 0–2 IN with φ = 5, 1, 3 and models 3–5 OUT with φ = 0, 1, 2
        var population = SyntheticPopulation.Of(6, 1, 1, [true, true, true, false, false, false], [5, 1, 3, 0, 1, 2]);

        // When model 0 is the target
        var score = new LiraOnlineAttack().Score(population)[0, 0];

        // Then the IN shadows are {1, 3} (μ 2, σ 1), not {5, 1, 3} (μ 3, σ √(8/3)); the OUT shadows are {1, 2}
        // (μ 1.5, σ 0.5): model 3, the first OUT model after the target, is its partner and leaves too
        var expected = StandardNormal.LogPdf(5, 2, 1) - StandardNormal.LogPdf(5, 1.5, 0.5);
        score.Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Lira_offline_leaves_the_target_out_of_its_out_shadows()
    {
        // Given the same example, with model 3 (OUT, φ = 0) as the target
        var population = SyntheticPopulation.Of(6, 1, 1, [true, true, true, false, false, false], [5, 1, 3, 0, 1, 2]);

        // When
        var score = new LiraOfflineAttack().Score(population)[3, 0];

        // Then the OUT shadows are {1, 2}: μ 1.5, σ 0.5, so z = −3
        score.Should().BeApproximately(StandardNormal.LogCdf(-3.0), 1e-12);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Fast_leave_one_out_matches_a_naive_refit_per_target(bool online, bool global)
    {
        // Given
        var population = SyntheticPopulation.Gaussian(models: 8, examples: 30, queries: 3, shift: 1.5, seed: 14);
        var variance = global ? LiraVariance.Global : LiraVariance.PerExample;
        IMembershipAttack attack = online ? new LiraOnlineAttack(variance) : new LiraOfflineAttack(variance);

        // When
        var fast = attack.Score(population).Values;
        var naive = NaiveLira.Score(population, online, global);

        // Then
        for (var i = 0; i < fast.Length; i++)
        {
            fast[i].Should().BeApproximately(naive[i], 1e-9 * Math.Max(1.0, Math.Abs(naive[i])));
        }
    }

    [Theory]
    [InlineData(6, 70)]
    [InlineData(9, 64)]
    public void Partners_of_a_whole_row_are_each_examples_first_model_on_the_other_side(int models, int examples)
    {
        // Given an unbalanced random keep matrix (every example still IN and OUT somewhere), rows not a multiple of 32
        var random = new Random(models);
        var keep = Enumerable.Range(0, models * examples).Select(i => i / examples == i % examples % models || random.Next(3) == 0).ToArray();
        for (var n = 0; n < examples; n++)
        {
            keep[(((n % models) + 1) % models * examples) + n] = false;
            keep[(((n % models) + 2) % models * examples) + n] = false;
            keep[(((n % models) + 3) % models * examples) + n] = true;
        }

        var shadows = new ShadowStatistics(SyntheticPopulation.Of(models, examples, 1, keep, new double[models * examples]));
        var partners = new int[examples];

        for (var target = 0; target < models; target++)
        {
            // When
            shadows.Partners(target, partners);

            // Then
            partners.Should().Equal(Enumerable.Range(0, examples).Select(n => shadows.Partner(target, n)));
        }
    }

    [Fact]
    public void Global_variants_use_one_sigma_per_target()
    {
        // Given examples whose shadow spreads differ a lot
        var population = SyntheticPopulation.Gaussian(models: 8, examples: 50, queries: 1, shift: 1.0, seed: 15);
        var scores = (double[])population.Scores.Clone();
        for (var m = 0; m < 8; m++)
        {
            scores[(m * 50) + 0] *= 50; // example 0 spreads much wider than the rest
        }

        var wide = population with { Scores = scores };

        // When
        var perExample = new LiraOfflineAttack().Score(wide);
        var global = new LiraOfflineAttack(LiraVariance.Global).Score(wide);

        // Then the scores differ; and the global one equals the naive pooled fit
        perExample.Values.Should().NotEqual(global.Values);
        var naive = NaiveLira.Score(wide, online: false, global: true);
        global[3, 7].Should().BeApproximately(naive[(3 * 50) + 7], 1e-9 * Math.Abs(naive[(3 * 50) + 7]));
    }

    [Fact]
    public void Lira_offline_score_is_monotone_in_phi()
    {
        // Given
        var population = SyntheticPopulation.Gaussian(models: 8, examples: 10, queries: 1, shift: 1.0, seed: 16);
        var previous = double.NegativeInfinity;

        foreach (var delta in new[] { -1e4, -50.0, -3.0, 0.0, 0.5, 3.0, 50.0 })
        {
            // When the target's φ on example 4 moves by delta
            var scores = (double[])population.Scores.Clone();
            scores[(2 * 10) + 4] += delta;
            var score = new LiraOfflineAttack().Score(population with { Scores = scores })[2, 4];

            // Then the score rises with it, and stays finite far in the tail
            double.IsFinite(score).Should().BeTrue();
            score.Should().BeGreaterThan(previous);
            previous = score;
        }
    }

    [Fact]
    public void Shadows_without_spread_still_give_finite_scores()
    {
        // Given every model with the same φ
        var population = SyntheticPopulation.Of(4, 2, 1, [true, false, true, false, false, true, false, true], [1, 1, 1, 1, 1, 1, 1, 2]);

        // When
        foreach (var attack in AttackCatalog.All.Where(a => a.MissingInput(population) is null))
        {
            var scores = attack.Score(population).Values;

            // Then
            scores.Should().OnlyContain(s => double.IsFinite(s), attack.Name);
        }
    }

    [Fact]
    public void An_example_without_an_in_shadow_for_some_target_is_rejected_up_front()
    {
        // Given example 0 IN for only one of four models
        var population = SyntheticPopulation.Of(4, 1, 1, [true, false, false, false], [1, 2, 3, 4]);

        // When
        var act = () => new LiraOnlineAttack().Score(population);

        // Then
        act.Should().Throw<InputException>().WithMessage("*example 0 is IN for 1 of 4 models*≥ 4 models with a balanced keep matrix*");
    }

    [Fact]
    public void Non_finite_scores_are_rejected_with_their_position()
    {
        var population = SyntheticPopulation.Of(4, 1, 1, [true, false, true, false], [1, double.NaN, 3, 4]);
        var act = () => new LiraOfflineAttack().Score(population);
        act.Should().Throw<InputException>().WithMessage("*model 1, example 0, query 0*");
    }

    [Fact]
    public void Balanced_leave_one_out_keeps_every_lira_variant_at_chance_with_few_shadows()
    {
        // Given a population with no membership signal and only 16 models. Plain leave-one-out would leave an IN
        // target 7 IN and 8 OUT shadows and an OUT target 8 and 7; estimates from 7 samples spread more than from
        // 8, so the score would move with membership through the sample sizes alone (AUC ≈ 0.49 measured).
        var population = SyntheticPopulation.Gaussian(models: 16, examples: 4000, queries: 2, shift: 0.0, seed: 18);

        foreach (var attack in AttackCatalog.All.Where(a => a.Name.StartsWith("lira", StringComparison.Ordinal)))
        {
            // When
            var auc = AttackEvaluation.Run(attack, population).Pooled.Auc;

            // Then: 64,000 scores, so chance is 0.5 ± ~0.005
            auc.Should().BeApproximately(0.5, 0.008, attack.Name);
        }
    }

    [Fact]
    public void Four_models_are_too_few_for_lira_which_is_reported_unavailable_while_the_other_attacks_run()
    {
        // Given 4 models: balanced leave-one-out leaves each target one IN and one OUT shadow, and one score has no spread
        var population = SyntheticPopulation.Gaussian(models: 4, examples: 200, queries: 1, shift: 1.0, seed: 19);

        // When the whole catalog runs
        var suite = AttackSuite.Run(population);

        // Then every LiRA variant is null with the reason, and the shadow-free attacks still run
        suite.Unavailable.Keys.Should().Contain(["lira-online", "lira-offline", "lira-online-global", "lira-offline-global"]);
        suite.Unavailable["lira-online"].Should().Contain("≥ 6 models");
        suite.Outcomes.Should().ContainKey("loss");
    }
}
