using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Tests.Attacks;
using Xunit;

namespace MiaRepro.Tests.Claims;

public sealed class TrainingRandomnessTests
{
    private const int Models = 16;
    private const int Examples = 3000;

    /// <summary>φ = difficulty + shift·[IN] + d(m, x) + e: d fixed by the keep row, e by the seed; twin t shares model t's d.</summary>
    private static (double[] Signal, bool[] Keep, double[] Twins) World(double dataNoise, double seedNoise, int twins = 8, double shift = 1.0, double difficulty = 3.0, double times = 1.0)
    {
        var random = new Random(5);
        var keep = SyntheticPopulation.BalancedKeep(Models, Examples, random);
        var level = Enumerable.Range(0, Examples).Select(_ => difficulty * SyntheticPopulation.Normal(random)).ToArray();
        var signal = new double[Models * Examples];
        var twin = new double[twins * Examples];
        for (var m = 0; m < Models; m++)
        {
            for (var n = 0; n < Examples; n++)
            {
                var cell = (m * Examples) + n;
                var common = level[n] + (keep[cell] ? shift : 0) + (dataNoise * SyntheticPopulation.Normal(random));
                signal[cell] = times * (common + (seedNoise * SyntheticPopulation.Normal(random)));
                if (m < twins)
                {
                    twin[cell] = times * (common + (seedNoise * SyntheticPopulation.Normal(random)));
                }
            }
        }

        return (signal, keep, twin);
    }

    [Theory]
    [InlineData(1.0, 0.0, 0.0)]
    [InlineData(1.0, 1.0, 0.5)]
    [InlineData(0.5, 1.0, 0.8)]
    [InlineData(0.0, 1.0, 1.0)]
    public void The_seed_share_is_the_seed_variance_over_the_variance_between_models(double dataNoise, double seedNoise, double share)
    {
        // Given
        var (signal, keep, twins) = World(dataNoise, seedNoise);

        // When
        var r = TrainingRandomness.Of(signal, keep, twins, Models, Examples);

        // Then
        r.SeedShare.Should().BeApproximately(share, 0.04);
        r.Spread.Should().BeApproximately(Math.Sqrt((dataNoise * dataNoise) + (seedNoise * seedNoise)), 0.05);
        r.Separation.Should().BeApproximately(1.0, 0.05);
    }

    [Fact]
    public void Relative_spread_separation_and_share_do_not_depend_on_the_scale_of_phi()
    {
        // Given the same world with φ in units ten times larger
        var (a, keep, twinsA) = World(1.0, 0.7);
        var (b, _, twinsB) = World(1.0, 0.7, times: 10);

        // When
        var ra = TrainingRandomness.Of(a, keep, twinsA, Models, Examples);
        var rb = TrainingRandomness.Of(b, keep, twinsB, Models, Examples);

        // Then
        rb.Spread.Should().BeApproximately(10 * ra.Spread, 1e-9);
        rb.RelativeSpread.Should().BeApproximately(ra.RelativeSpread, 1e-12);
        rb.RelativeSeparation.Should().BeApproximately(ra.RelativeSeparation, 1e-12);
        rb.SeedShare.Should().BeApproximately(ra.SeedShare, 1e-12);
    }

    [Fact]
    public void Difficulty_between_examples_sets_the_scale_not_the_spread()
    {
        // Given examples 1 or 30 units apart in difficulty
        var (narrow, keep, twinsN) = World(1.0, 1.0, difficulty: 1.0);
        var (wide, _, twinsW) = World(1.0, 1.0, difficulty: 30.0);

        // When
        var a = TrainingRandomness.Of(narrow, keep, twinsN, Models, Examples);
        var b = TrainingRandomness.Of(wide, keep, twinsW, Models, Examples);

        // Then
        b.Spread.Should().BeApproximately(a.Spread, 0.02);
        b.SeedShare.Should().BeApproximately(a.SeedShare, 0.02);
        (b.Scale / a.Scale).Should().BeGreaterThan(15);
    }

    [Fact]
    public void Without_twins_the_share_is_undefined_and_the_rest_is_measured()
    {
        // Given
        var (signal, keep, _) = World(1.0, 1.0);

        // When
        var r = TrainingRandomness.Of(signal, keep, [], Models, Examples);

        // Then
        r.SeedShare.Should().Be(double.NaN);
        r.Spread.Should().BeApproximately(Math.Sqrt(2), 0.05);
    }

    [Fact]
    public void A_bootstrap_draw_weighs_models_examples_and_pairs_by_their_counts()
    {
        // Given one example, models 0 and 1 IN (φ 1, 3), 2 and 3 OUT (φ 0, 0), one twin of model 0 with φ 2
        double[] signal = [1, 3, 0, 0];
        bool[] keep = [true, true, false, false];

        // When each is counted once, and when model 1 and the pair are drawn twice
        var once = TrainingRandomness.Of(signal, keep, [2], [1, 1, 1, 1], [1], [1]);
        var drawn = TrainingRandomness.Of(signal, keep, [2], [1, 2, 1, 1], [1], [2]);

        // Then the IN variance is 2 (ddof 1), the OUT variance 0: V = 1; the pair gives (1 − 2)²/2 = 0.5
        once.SeedShare.Should().BeApproximately(0.5, 1e-12);
        once.Separation.Should().BeApproximately(2, 1e-12);

        // And with model 1 counted twice the IN mean is 7/3 and its variance the weighted one over 3 − 1
        var inMean = 7.0 / 3;
        var inVariance = (((1 - inMean) * (1 - inMean)) + (2 * (3 - inMean) * (3 - inMean))) / 2;
        drawn.Separation.Should().BeApproximately(inMean, 1e-12);
        drawn.SeedShare.Should().BeApproximately(0.5 / (inVariance / 2), 1e-12);
    }
}
