using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Tests.Attacks;
using Xunit;

namespace MiaRepro.Tests.Claims;

public sealed class SignalSpreadTests
{
    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 0.5)]
    [InlineData(0.5, 2.0)]
    public void Rho_is_the_noise_between_models_over_the_membership_shift(double shift, double noise)
    {
        // Given φ = difficulty + shift·[IN] + N(0, noise²) over 64 models (32 IN, 32 OUT per example)
        var population = SyntheticPopulation.Gaussian(models: 64, examples: 3000, queries: 1, shift, seed: 4, noise: noise);

        // When
        var rho = SignalSpread.Ratio(population.Scores, population.Keep, population.Models, population.Examples);

        // Then ρ ≈ noise / shift, less the small downward bias of a ddof-0 standard deviation of 32 (E ≈ 0.977 σ)
        rho.Should().BeApproximately(0.977 * noise / shift, 0.03 * noise / shift);
    }

    [Fact]
    public void Difficulty_between_examples_does_not_count_as_randomness()
    {
        // Given the same shift and noise with examples 1 or 30 units apart in difficulty
        var narrow = SyntheticPopulation.Gaussian(models: 32, examples: 2000, queries: 1, shift: 1.0, seed: 8, difficultySpread: 1.0);
        var wide = SyntheticPopulation.Gaussian(models: 32, examples: 2000, queries: 1, shift: 1.0, seed: 8, difficultySpread: 30.0);

        // When / Then
        var a = SignalSpread.Ratio(narrow.Scores, narrow.Keep, 32, 2000);
        var b = SignalSpread.Ratio(wide.Scores, wide.Keep, 32, 2000);
        b.Should().BeApproximately(a, 1e-9);
    }

    [Fact]
    public void No_separation_gives_an_unbounded_or_huge_ratio()
    {
        // Given membership that moves nothing
        var population = SyntheticPopulation.Gaussian(models: 16, examples: 2000, queries: 1, shift: 0.0, seed: 2);

        // When
        var rho = SignalSpread.Ratio(population.Scores, population.Keep, 16, 2000);

        // Then
        rho.Should().BeGreaterThan(20);
    }

    [Fact]
    public void A_hand_computed_case()
    {
        // Given one example, 4 models: IN φ = 3, 5 (μ 4, σ 1); OUT φ = 0, 2 (μ 1, σ 1)
        var keep = new[] { true, true, false, false };
        var signal = new[] { 3.0, 5.0, 0.0, 2.0 };

        // When / Then ρ = √((1 + 1)/2) / (4 − 1) = 1/3
        SignalSpread.Ratio(signal, keep, 4, 1).Should().BeApproximately(1.0 / 3, 1e-12);

        // And counting model 0 twice: IN φ = 3, 3, 5 (μ 11/3, σ² = 8/9); OUT unchanged
        var rho = SignalSpread.Ratio(signal, keep, [2, 1, 1, 1], [1]);
        rho.Should().BeApproximately(Math.Sqrt(((8.0 / 9) + 1) / 2) / ((11.0 / 3) - 1), 1e-12);
    }
}
