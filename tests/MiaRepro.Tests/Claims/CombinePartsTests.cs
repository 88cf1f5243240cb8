using FluentAssertions;
using MiaRepro.Claims;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>One run's claim of several parts: p-values read from the parts' intervals, Holm across them.</summary>
public sealed class CombinePartsTests
{
    private static ClaimPart Part(double effect, double lower, double upper, bool ratio = true) =>
        new("part", "part", effect, [lower, upper], ratio ? 1 : 0, ClaimResult.Decide(lower, upper, ratio ? 1 : 0)) { Ratio = ratio };

    [Fact]
    public void An_interval_whose_upper_bound_is_the_threshold_has_a_one_sided_p_of_2_5_percent()
    {
        ClaimResult.RefutationP(0.5, 1.0, 1.0, ratio: true).Should().BeApproximately(0.025, 1e-9);
        ClaimResult.RefutationP(-0.02, 0.0, 0.0, ratio: false).Should().BeApproximately(0.025, 1e-9);
        ClaimResult.RefutationP(2.0, double.PositiveInfinity, 1.0, ratio: true).Should().Be(1);
        ClaimResult.RefutationP(0.0, 0.5, 1.0, ratio: true).Should().Be(0, "a ratio of 0 falls back to its interval, wholly below 1");
    }

    [Fact]
    public void A_part_just_below_its_threshold_refutes_alone_but_not_beside_another_after_Holm()
    {
        // Given a part whose interval lies just below 1 (p ≈ 2%: below 2.5%, above 2.5% ÷ 2)
        var justBelow = Part(0.7, 0.5, 0.98);
        var p = ClaimResult.RefutationP(0.7, 0.98, 1, ratio: true);
        p.Should().BeInRange(0.0125, 0.025);
        var supported = Part(3, 2, 4);

        // Then
        ClaimResult.CombineParts([justBelow]).Should().Be(Verdict.Refuted);
        ClaimResult.CombineParts([justBelow, supported]).Should().Be(Verdict.Inconclusive);
        ClaimResult.CombineParts([Part(0.3, 0.2, 0.5), supported]).Should().Be(Verdict.Refuted, "far below, it survives Holm");
        ClaimResult.CombineParts([supported, Part(0.05, 0.03, 0.07, ratio: false)]).Should().Be(Verdict.Supported);
    }
}
