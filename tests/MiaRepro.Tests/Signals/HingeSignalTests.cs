using FluentAssertions;
using MiaRepro.Signals;
using Xunit;

namespace MiaRepro.Tests.Signals;

public sealed class HingeSignalTests
{
    [Theory]
    [InlineData(2, 1.5)]     // 3 − 1.5
    [InlineData(0, -1.5)]    // 1.5 − 3
    [InlineData(1, -3.25)]   // −0.25 − 3
    [InlineData(3, -2.5)]    // 0.5 − 3
    public void Hinge_is_the_true_logit_minus_the_largest_other_logit(long label, double expected)
    {
        // Given
        float[] logits = [1.5f, -0.25f, 3f, 0.5f];

        // When
        var hinge = LogitSignals.Hinge(logits, label);

        // Then
        hinge.Should().Be(expected);
    }

    [Fact]
    public void Hinge_is_zero_when_the_true_class_ties_with_another()
    {
        LogitSignals.Hinge([2f, 2f, 1f], 0).Should().Be(0);
    }

    [Fact]
    public void Hinge_is_exact_for_extreme_logits()
    {
        // Given logits of ±1e4, where a naive softmax overflows, and the largest finite floats
        float[] logits = [1e4f, -1e4f, 0f];
        float[] huge = [float.MaxValue, -float.MaxValue];

        // When, Then: the differences are exact in float64
        LogitSignals.Hinge(logits, 0).Should().Be(1e4);
        LogitSignals.Hinge(logits, 1).Should().Be(-2e4);
        LogitSignals.Hinge(logits, 2).Should().Be(-1e4);
        LogitSignals.Hinge(huge, 0).Should().Be(2.0 * float.MaxValue);
        LogitSignals.Hinge(huge, 1).Should().Be(-2.0 * float.MaxValue);
    }

    [Fact]
    public void Hinge_bounds_phi_from_above_by_at_most_log_of_the_other_classes()
    {
        // Given random logits over 10 classes: logsumexp of the 9 others lies in [max, max + log 9]
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var logits = Enumerable.Range(0, 10).Select(_ => (float)((random.NextDouble() - 0.5) * 40)).ToArray();
            var label = random.Next(10);

            // When
            var hinge = LogitSignals.Hinge(logits, label);
            var phi = LogitSignals.Phi(logits, label);

            // Then
            hinge.Should().BeGreaterThanOrEqualTo(phi - 1e-12).And.BeLessThanOrEqualTo(phi + Math.Log(9) + 1e-12);
        }
    }

    [Fact]
    public void Hinge_rejects_one_class_and_a_label_outside_the_classes()
    {
        var oneClass = () => LogitSignals.Hinge([1f], 0);
        var outside = () => LogitSignals.Hinge([1f, 2f], -1);

        oneClass.Should().Throw<ArgumentException>().WithMessage("*two classes*");
        outside.Should().Throw<ArgumentOutOfRangeException>();
    }
}
