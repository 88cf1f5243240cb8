using FluentAssertions;
using MiaRepro.Numerics;
using Xunit;

namespace MiaRepro.Tests.Numerics;

public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(-5.0, 2.866515718791939e-07)]
    [InlineData(2.0, 0.9772498680518208)]
    [InlineData(0.0, 0.5)]
    public void Cdf_matches_reference_values(double z, double expected)
    {
        StandardNormal.Cdf(z).Should().BeApproximately(expected, expected * 1e-13);
        StandardNormal.LogCdf(z).Should().BeApproximately(Math.Log(expected), Math.Abs(Math.Log(expected)) * 1e-13);
    }

    [Fact]
    public void Log_cdf_is_accurate_far_in_the_lower_tail()
    {
        // When
        var value = StandardNormal.LogCdf(-40.0);

        // Then
        value.Should().BeApproximately(-804.6084420137538, 804.6 * 1e-13);
    }

    [Fact]
    public void Log_cdf_is_finite_for_minus_ten_thousand()
    {
        // When
        var value = StandardNormal.LogCdf(-1e4);

        // Then log Φ(z) ≈ −z²/2 − log(−z) − ½ log 2π
        double.IsFinite(value).Should().BeTrue();
        value.Should().BeApproximately(-5e7 - Math.Log(1e4) - (0.5 * Math.Log(2 * Math.PI)), 1e-6);
    }

    [Fact]
    public void Log_cdf_keeps_its_precision_near_zero_in_the_upper_tail()
    {
        // When: Φ(10) = 1 − 7.6e-24, not representable, but log Φ(10) ≈ −7.6e-24 is
        var value = StandardNormal.LogCdf(10.0);

        // Then
        value.Should().BeApproximately(-7.619853024160593e-24, 7.62e-24 * 1e-12);
    }

    [Fact]
    public void Log_cdf_is_monotone_across_its_branches()
    {
        var previous = double.NegativeInfinity;
        for (var z = -60.0; z <= 10.0; z += 0.01)
        {
            var value = StandardNormal.LogCdf(z);
            value.Should().BeGreaterThanOrEqualTo(previous, $"log Φ must not decrease at z = {z}");
            previous = value;
        }
    }

    [Fact]
    public void Log_cdf_of_many_values_at_once_is_the_scalar_log_cdf_bit_for_bit()
    {
        // Given every branch and its edges, NaN, both zeros, infinities, and 10,000 random values (not a multiple of 4)
        double[] edges = [double.NaN, 0.0, -0.0, -1.0, Math.BitDecrement(-1.0), -2.0 * Math.Sqrt(2), 2.0 * Math.Sqrt(2), 1e-310, -1e-310, 1e10, -1e10, double.PositiveInfinity, double.NegativeInfinity, 40, -40];
        var random = new Random(3);
        var z = edges.Concat(Enumerable.Range(0, 10_001).Select(_ => (random.NextDouble() - 0.5) * random.Next(1, 20))).ToArray();

        // When (in place, as LiRA offline does)
        var values = z.ToArray();
        StandardNormal.LogCdf(values, values);

        // Then
        values.Select(BitConverter.DoubleToInt64Bits).Should().Equal(z.Select(v => BitConverter.DoubleToInt64Bits(StandardNormal.LogCdf(v))));
    }

    [Fact]
    public void Log_pdf_with_log_sigma_given_is_the_log_pdf_bit_for_bit()
    {
        StandardNormal.LogPdf(0.3, -1.2, 0.7, Math.Log(0.7)).Should().Be(StandardNormal.LogPdf(0.3, -1.2, 0.7));
    }

    [Fact]
    public void Log_pdf_matches_the_density_formula()
    {
        var expected = Math.Log(Math.Exp(-0.5 * 4.0) / (3.0 * Math.Sqrt(2 * Math.PI)));
        StandardNormal.LogPdf(7.0, 1.0, 3.0).Should().BeApproximately(expected, 1e-14);
    }
}
