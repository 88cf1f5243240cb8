using FluentAssertions;
using MiaRepro.Augmentations;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class SamplingTests
{
    [Fact]
    public void Gamma_draws_follow_the_generator_not_the_global_random_state()
    {
        using var scope = NewDisposeScope();

        var a = Sampling.Gamma(0.7, [64], new Generator(42));
        rand(100);
        var b = Sampling.Gamma(0.7, [64], new Generator(42));
        var c = Sampling.Gamma(0.7, [64], new Generator(43));

        a.eq(b).all().item<bool>().Should().BeTrue();
        a.eq(c).all().item<bool>().Should().BeFalse();
    }

    [Fact]
    public void Dirichlet_rows_are_positive_sum_to_one_and_have_the_right_moments()
    {
        // Dirichlet(α, α) is Beta(α, α) in its first column: mean ½, variance 1 / (4(2α + 1)).
        using var scope = NewDisposeScope();
        const double alpha = 0.4;

        var d = Sampling.Dirichlet(alpha, 20_000, 2, new Generator(7));

        d.ge(0.0).all().item<bool>().Should().BeTrue();
        d.sum(1).sub(1.0).abs().max().item<double>().Should().BeLessThan(1e-12);
        var first = d.select(1, 0);
        first.mean().item<double>().Should().BeApproximately(0.5, 0.01);
        first.var().item<double>().Should().BeApproximately(1.0 / (4 * ((2 * alpha) + 1)), 0.005);
    }

    [Fact]
    public void Beta_draws_have_the_mean_a_over_a_plus_b()
    {
        var g = new Generator(11);

        var mean = Enumerable.Range(0, 4000).Average(_ => Sampling.Beta(2.0, 5.0, g));

        mean.Should().BeApproximately(2.0 / 7.0, 0.01);
    }
}
