using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Signals;
using Xunit;

namespace MiaRepro.Tests.Attacks;

/// <summary>Hand-computed and naive checks of the calibrated-loss, modified-entropy, Shokri and RMIA attacks.</summary>
public sealed class ShadowAttackTests
{
    // One example: models 0–2 IN with φ = 5, 1, 3 and models 3–5 OUT with φ = 0, 1, 2
    private static readonly Population OneExample = SyntheticPopulation.Of(6, 1, 1, [true, true, true, false, false, false], [5, 1, 3, 0, 1, 2]);

    private static double Loss(double phi) => LogitSignals.LossFromPhi(phi);

    [Fact]
    public void Confidence_is_the_mean_sigmoid_of_phi()
    {
        var population = SyntheticPopulation.Of(4, 1, 2, [true, false, true, false], [0, 2, 1, 1, 1, 1, 1, 1]);
        new ConfidenceAttack().Score(population)[0, 0].Should().BeApproximately((0.5 + (1 / (1 + Math.Exp(-2)))) / 2, 1e-15);
    }

    [Fact]
    public void Calibrated_loss_subtracts_the_mean_out_loss_of_the_other_models()
    {
        // When
        var scores = new CalibratedLossAttack().Score(OneExample);

        // Then every target is calibrated by two OUT models: the IN target 0 by the OUT models less its partner (model 3,
        // the first after it on the other side), the OUT target 3 by the two other OUT models (its partner, model 0, is IN)
        scores[0, 0].Should().BeApproximately(-(Loss(5) - ((Loss(1) + Loss(2)) / 2)), 1e-14);
        scores[3, 0].Should().BeApproximately(-(Loss(0) - ((Loss(1) + Loss(2)) / 2)), 1e-14);
    }

    [Fact]
    public void Modified_entropy_thresholds_are_fitted_per_class_on_the_shadows()
    {
        // Given two classes whose Mentr levels differ widely, members lower within each class
        var population = SyntheticPopulation.WithLogits(models: 8, examples: 400, queries: 1, classes: 2, shift: 2.0, seed: 41);
        var labels = population.Labels;
        var logits = (float[])population.Logits!.Clone();
        for (var row = 0; row < population.Scores.Length; row++)
        {
            if (labels[row % 400] == 1)
            {
                logits[(row * 2) + 1] -= 3f; // class 1 is much harder: its Mentr is much larger
            }
        }

        var hard = population with { Logits = logits };

        // When
        var perClass = AttackEvaluation.Run(new ModifiedEntropyAttack(), hard).Pooled;
        var entropyOnly = AttackEvaluation.Run(new EntropyAttack(), hard).Pooled;

        // Then per-class thresholds make the pooled attack as good as within one class, better than a global one
        perClass.BalancedAccuracy.Should().BeGreaterThan(entropyOnly.BalancedAccuracy + 0.03);
    }

    [Fact]
    public void Modified_entropy_score_is_the_threshold_minus_mentr()
    {
        // Given two examples (one per class), six models, members far more confident than non-members
        var population = SyntheticPopulation.WithLogits(models: 6, examples: 2, queries: 1, classes: 2, shift: 8.0, seed: 42, difficultySpread: 0, noise: 0.01);

        // When
        var scores = new ModifiedEntropyAttack().Score(population);

        // Then the threshold is the largest IN shadow value of the class, so members score about 0, non-members far below
        for (var t = 0; t < 6; t++)
        {
            for (var n = 0; n < 2; n++)
            {
                if (population.Keep[(t * 2) + n])
                {
                    scores[t, n].Should().BeApproximately(0.0, 0.001);
                }
                else
                {
                    scores[t, n].Should().BeLessThan(-0.01);
                }
            }
        }
    }

    [Fact]
    public void Shokri_is_deterministic()
    {
        var population = SyntheticPopulation.WithLogits(models: 6, examples: 100, queries: 2, classes: 3, shift: 1.0, seed: 43);
        new ShokriAttack().Score(population).Values.Should().Equal(new ShokriAttack().Score(population).Values);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rmia_matches_a_naive_computation(bool online)
    {
        // Given fewer examples than population samples, so z is every example
        var population = SyntheticPopulation.Gaussian(models: 6, examples: 50, queries: 2, shift: 1.0, seed: 44);
        var attack = online ? RmiaAttack.Online() : RmiaAttack.Offline(a: 0.3);

        // When
        var fast = attack.Score(population);

        // Then
        var naive = NaiveRmia(population, online, a: 0.3);
        for (var i = 0; i < naive.Length; i++)
        {
            fast.Values[i].Should().BeApproximately(naive[i], 1e-12, "cell {0}", i);
        }
    }

    [Fact]
    public void Rmia_offline_rejects_a_slope_outside_zero_to_one()
    {
        var act = () => RmiaAttack.Offline(a: 1.5);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>
    /// O(M²·N²) RMIA straight from its definition, every example a population sample; the references are the other
    /// models (offline: the OUT ones) less the target's partner — the first model after it, cyclically, on the other
    /// side of the example — and ratios within 1e-12 in the log count as ties.
    /// </summary>
    private static double[] NaiveRmia(Population p, bool online, double a)
    {
        bool In(int m, int n) => p.Keep[(m * p.Examples) + n];
        int Partner(int t, int n) => Enumerable.Range(1, p.Models - 1).Select(k => (t + k) % p.Models).First(m => In(m, n) != In(t, n));
        double Pr(int m, int n) => Enumerable.Range(0, p.Queries).Average(q => 1 / (1 + Math.Exp(-p.Scores[(((m * p.Examples) + n) * p.Queries) + q])));
        double Ratio(int t, int n)
        {
            var references = Enumerable.Range(0, p.Models).Where(m => m != t && m != Partner(t, n) && (online || !In(m, n))).Average(m => Pr(m, n));
            return Pr(t, n) / (online ? references : 0.5 * (((1 + a) * references) + (1 - a)));
        }

        var values = new double[p.Models * p.Examples];
        for (var t = 0; t < p.Models; t++)
        {
            var ratios = Enumerable.Range(0, p.Examples).Select(n => Ratio(t, n)).ToArray();
            for (var n = 0; n < p.Examples; n++)
            {
                values[(t * p.Examples) + n] = ratios.Count(z => Math.Log(ratios[n] / z) > RmiaAttack.TieTolerance) / (double)p.Examples;
            }
        }

        return values;
    }
}
