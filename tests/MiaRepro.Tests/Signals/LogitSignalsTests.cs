using FluentAssertions;
using MiaRepro.Signals;
using Xunit;

namespace MiaRepro.Tests.Signals;

public sealed class LogitSignalsTests
{
    [Fact]
    public void Phi_is_the_log_odds_of_the_softmax_probability_of_the_label()
    {
        // Given
        float[] logits = [1.5f, -0.25f, 3f, 0.5f];
        var exp = logits.Select(z => Math.Exp(z)).ToArray();
        var p = exp[2] / exp.Sum();

        // When
        var phi = LogitSignals.Phi(logits, 2);

        // Then
        phi.Should().BeApproximately(Math.Log(p / (1 - p)), 1e-12);
    }

    [Fact]
    public void Phi_is_finite_with_the_right_sign_for_extreme_logits()
    {
        // Given logits of ±1e4, where a naive softmax overflows
        float[] logits = [1e4f, -1e4f, 0f];

        // When
        var confident = LogitSignals.Phi(logits, 0);
        var hopeless = LogitSignals.Phi(logits, 1);

        // Then
        confident.Should().BeApproximately(1e4, 1e-9);
        hopeless.Should().BeApproximately(-2e4, 1e-9);
    }

    [Fact]
    public void Phi_of_a_batch_matches_phi_of_each_row()
    {
        // Given a batch [3, 3]
        float[] logits = [1f, 2f, 3f, -5f, 0f, 5f, 100f, 100f, 100f];
        long[] labels = [0, 2, 1];
        var phi = new double[3];

        // When
        LogitSignals.Phi(logits, labels, 3, phi);

        // Then
        phi[0].Should().Be(LogitSignals.Phi(logits.AsSpan(0, 3), 0));
        phi[1].Should().Be(LogitSignals.Phi(logits.AsSpan(3, 3), 2));
        phi[2].Should().BeApproximately(-Math.Log(2), 1e-12);
    }

    [Fact]
    public void Phi_rejects_a_label_outside_the_classes()
    {
        var act = () => LogitSignals.Phi([1f, 2f], 2);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(2.5)]
    [InlineData(-3.0)]
    [InlineData(30.0)]
    public void Loss_from_phi_is_the_cross_entropy_of_the_label(double phi)
    {
        // Given p_y = sigmoid(φ)
        var p = 1.0 / (1.0 + Math.Exp(-phi));

        // Then
        LogitSignals.LossFromPhi(phi).Should().BeApproximately(-Math.Log(p), 1e-12 * Math.Max(1.0, -Math.Log(p)));
    }

    [Fact]
    public void Loss_from_phi_is_finite_and_exact_for_extreme_phi()
    {
        LogitSignals.LossFromPhi(-1e4).Should().BeApproximately(1e4, 1e-9);
        LogitSignals.LossFromPhi(1e4).Should().BeGreaterThanOrEqualTo(0.0).And.BeLessThan(1e-300);
        LogitSignals.LossFromPhi(40.0).Should().BeApproximately(Math.Exp(-40.0), Math.Exp(-40.0) * 1e-14);
    }
}
