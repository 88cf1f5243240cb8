using FluentAssertions;
using MiaRepro.Numerics;
using Xunit;

namespace MiaRepro.Tests.Numerics;

public sealed class ElementaryTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, -2.0)]
    [InlineData(-3.5, 2.25)]
    public void Log_add_exp_is_the_log_of_the_sum(double a, double b)
    {
        Elementary.LogAddExp(a, b).Should().BeApproximately(Math.Log(Math.Exp(a) + Math.Exp(b)), 1e-14);
    }

    [Fact]
    public void Log_add_exp_is_finite_far_out_and_treats_minus_infinity_as_zero()
    {
        Elementary.LogAddExp(1e4, 1e4).Should().BeApproximately(1e4 + Math.Log(2), 1e-9);
        Elementary.LogAddExp(-2e4, -2e4 - 1).Should().BeApproximately(-2e4 + Math.Log(1 + Math.Exp(-1)), 1e-9);
        Elementary.LogAddExp(double.NegativeInfinity, -7.0).Should().Be(-7.0);
        Elementary.LogAddExp(double.NegativeInfinity, double.NegativeInfinity).Should().Be(double.NegativeInfinity);
    }
}
