using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Numerics;

namespace MiaRepro.Tests.Numerics;

public sealed class IncompleteBetaTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)] // log 24
    [InlineData(0.5, 0.57236494292470008)] // log √π
    [InlineData(100.0, 359.13420536957540)]
    public void Log_gamma_matches_known_values(double x, double expected) =>
        IncompleteBeta.LogGamma(x).Should().BeApproximately(expected, 1e-12 * Math.Max(1, expected));

    [Theory]
    // Integer a, b: I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a).
    [InlineData(0.5, 2.0, 3.0, 0.6875)]
    [InlineData(0.3, 1.0, 1.0, 0.3)]
    [InlineData(0.2, 1.0, 4.0, 0.5904)] // 1 − 0.8⁴
    [InlineData(0.9, 10.0, 1.0, 0.3486784401)] // 0.9¹⁰
    public void Regularized_incomplete_beta_matches_binomial_tails(double x, double a, double b, double expected) =>
        IncompleteBeta.Regularized(x, a, b).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void The_inverse_undoes_the_function()
    {
        foreach (var (a, b) in new[] { (0.5, 0.5), (3.0, 7.0), (200.0, 15000.0), (1.0, 16000.0) })
        {
            foreach (var p in new[] { 0.001, 0.025, 0.5, 0.975 })
            {
                IncompleteBeta.Regularized(IncompleteBeta.Inverse(p, a, b), a, b).Should().BeApproximately(p, 1e-9, $"a {a}, b {b}, p {p}");
            }
        }
    }

    [Fact]
    public void Clopper_pearson_bounds_match_their_closed_forms_and_published_values()
    {
        // k = 0 and k = n have closed forms: 1 − (α/2)^(1/n) and (α/2)^(1/n)
        ClopperPearson.Of(0, 10).Upper.Should().BeApproximately(1 - Math.Pow(0.025, 0.1), 1e-10);
        ClopperPearson.Of(0, 10).Lower.Should().Be(0);
        ClopperPearson.Of(10, 10).Lower.Should().BeApproximately(Math.Pow(0.025, 0.1), 1e-10);
        ClopperPearson.Of(10, 10).Upper.Should().Be(1);

        // 5 of 10: [0.187086, 0.812914] (e.g. scipy.stats.beta.ppf)
        var half = ClopperPearson.Of(5, 10);
        half.Lower.Should().BeApproximately(0.1870860, 1e-6);
        half.Upper.Should().BeApproximately(0.8129140, 1e-6);

        // a large count: 20 of 20,000 lies in [0.000611, 0.001544]
        var rare = ClopperPearson.Of(20, 20_000);
        rare.Lower.Should().BeApproximately(0.00061086, 1e-7);
        rare.Upper.Should().BeApproximately(0.00154404, 1e-7);
    }
}
