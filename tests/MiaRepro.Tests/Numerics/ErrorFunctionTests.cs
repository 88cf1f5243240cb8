using FluentAssertions;
using MiaRepro.Numerics;
using Xunit;

namespace MiaRepro.Tests.Numerics;

public sealed class ErrorFunctionTests
{
    // Reference values from a correctly rounded libm (Python's math.erf / math.erfc).
    [Theory]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.9999, 0.9953201979070294)]
    [InlineData(-0.5, -0.5204998778130465)]
    public void Erf_matches_reference_values(double x, double expected)
    {
        // When / Then
        ErrorFunction.Erf(x).Should().BeApproximately(expected, Math.Abs(expected) * 1e-13);
    }

    [Theory]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(2.5, 0.0004069520174449589)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(10.0, 2.088487583762545e-45)]
    public void Erfc_has_small_relative_error_in_the_tail(double x, double expected)
    {
        // When / Then
        ErrorFunction.Erfc(x).Should().BeApproximately(expected, expected * 1e-13);
    }

    [Fact]
    public void Erfcx_is_continuous_where_series_and_continued_fraction_meet()
    {
        // Given the switch between the two methods at x = 2
        var below = ErrorFunction.Erfcx(Math.BitDecrement(2.0));
        var above = ErrorFunction.Erfcx(2.0);

        // Then
        above.Should().BeApproximately(below, below * 1e-13);
    }

    [Fact]
    public void Erfcx_is_finite_and_asymptotic_for_huge_arguments()
    {
        // When
        var value = ErrorFunction.Erfcx(1e6);

        // Then erfcx(x) ≈ 1/(x√π)
        value.Should().BeApproximately(1.0 / (1e6 * Math.Sqrt(Math.PI)), 1e-18);
    }
}
