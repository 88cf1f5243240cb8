using FluentAssertions;
using MiaRepro.Numerics;
using Xunit;

namespace MiaRepro.Tests.Numerics;

/// <summary>Student's t against published quantiles (R's <c>qt</c>, to 6 digits) and its own inverse.</summary>
public sealed class StudentTTests
{
    [Theory]
    [InlineData(0.975, 1, 12.706205)]
    [InlineData(0.975, 4, 2.776445)]
    [InlineData(0.975, 7, 2.364624)]
    [InlineData(0.975, 30, 2.042272)]
    [InlineData(0.95, 4, 2.131847)]
    [InlineData(0.025, 4, -2.776445)]
    public void Quantiles_match_published_values(double p, double df, double expected)
    {
        StudentT.Quantile(p, df).Should().BeApproximately(expected, 2e-6);
    }

    [Theory]
    [InlineData(-3.1, 2)]
    [InlineData(0.4, 4)]
    [InlineData(2.5, 9)]
    public void The_quantile_inverts_the_distribution_function(double t, double df)
    {
        StudentT.Quantile(StudentT.Cdf(t, df), df).Should().BeApproximately(t, 1e-9);
        (StudentT.Cdf(t, df) + StudentT.Cdf(-t, df)).Should().BeApproximately(1, 1e-14);
    }

    [Fact]
    public void Infinite_statistics_have_probabilities_zero_and_one()
    {
        StudentT.Cdf(double.PositiveInfinity, 4).Should().Be(1);
        StudentT.Cdf(double.NegativeInfinity, 4).Should().Be(0);
        StudentT.Cdf(0, 4).Should().Be(0.5);
    }
}
