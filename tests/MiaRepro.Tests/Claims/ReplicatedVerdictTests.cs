using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Metrics;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>Verdicts from replicate estimates: each part's, Holm's procedure, equivalence, and how a claim's parts combine.</summary>
public sealed class ReplicatedVerdictTests
{
    private static ReplicateEstimate Ratios(params double[] values) => ReplicateEstimate.Of(values, ratio: true)!;

    [Fact]
    public void Holm_rejects_step_down_and_stops_at_the_first_p_value_above_its_level()
    {
        // α = 0.05 over three p-values: 0.01 ≤ 0.05/3, then 0.03 > 0.05/2, so 0.04 is not reached
        Holm.Rejections([0.04, 0.01, 0.03], 0.05).Should().Equal(false, true, false);
        Holm.Rejections([0.04, 0.01, 0.02], 0.05).Should().Equal(true, true, true);
        Holm.Rejections([], 0.05).Should().BeEmpty();
    }

    [Fact]
    public void A_part_is_supported_refuted_or_of_no_effect_of_interest_by_where_its_interval_lies()
    {
        var above = Ratios(2.0, 2.2, 1.9, 2.1, 2.05);
        var below = Ratios(0.5, 0.55, 0.45, 0.52, 0.48);
        var near = Ratios(0.98, 1.02, 1.0, 0.99, 1.01);
        var wide = Ratios(0.5, 2.0, 1.0, 0.7, 1.4);

        ReplicatedVerdict.OfPart(above, 1, margin: null).Should().Be(Verdict.Supported);
        ReplicatedVerdict.OfPart(below, 1, margin: null).Should().Be(Verdict.Refuted);
        ReplicatedVerdict.OfPart(near, 1, margin: null).Should().Be(Verdict.Inconclusive, "without a margin, ≈ 1 decides nothing");
        ReplicatedVerdict.OfPart(near, 1, margin: 1.25).Should().Be(Verdict.NoEffectOfInterest);
        ReplicatedVerdict.OfPart(wide, 1, margin: 1.25).Should().Be(Verdict.Inconclusive);
        ReplicatedVerdict.OfPart(null, 1, margin: 1.25).Should().Be(Verdict.Inconclusive);
        ReplicatedVerdict.EquivalenceRegion(1, 1.25, ratio: true).Should().Be(new Interval(0.8, 1.25));
        ReplicatedVerdict.EquivalenceRegion(0, 0.01, ratio: false).Should().Be(new Interval(-0.01, 0.01));
    }

    [Fact]
    public void A_claim_is_supported_only_when_every_part_is()
    {
        var above = Ratios(2.0, 2.2, 1.9, 2.1, 2.05);
        var wide = Ratios(0.5, 2.0, 1.0, 0.7, 1.4);
        ReplicatedVerdict.Combine([(above, 1, null), (above, 1, null)]).Should().Be(Verdict.Supported);
        ReplicatedVerdict.Combine([(above, 1, null), (wide, 1, null)]).Should().Be(Verdict.Inconclusive);
        ReplicatedVerdict.Combine([(above, 1, null), (null, 1, null)]).Should().Be(Verdict.Inconclusive);
    }

    [Fact]
    public void A_part_just_below_its_threshold_refutes_alone_but_not_after_Holm_across_many_parts()
    {
        // Given a part whose one-sided p-value lies between α/4 and α
        var justBelow = Ratios(0.93, 0.97, 0.92, 0.99, 0.94);
        var p = justBelow.PBelow(1);
        p.Should().BeInRange(ReplicatedVerdict.Alpha / 4, ReplicatedVerdict.Alpha);
        var above = Ratios(2.0, 2.2, 1.9, 2.1, 2.05);

        // Then alone it refutes; beside three supported parts Holm's first step (α/4) does not
        ReplicatedVerdict.Combine([(justBelow, 1, null)]).Should().Be(Verdict.Refuted);
        ReplicatedVerdict.Combine([(justBelow, 1, null), (above, 1, null), (above, 1, null), (above, 1, null)]).Should().Be(Verdict.Inconclusive);
    }

    [Fact]
    public void Refuted_comes_before_no_effect_of_interest_and_both_before_supported()
    {
        var below = Ratios(0.5, 0.55, 0.45, 0.52, 0.48);
        var near = Ratios(0.98, 1.02, 1.0, 0.99, 1.01);
        var above = Ratios(2.0, 2.2, 1.9, 2.1, 2.05);
        ReplicatedVerdict.Combine([(above, 1, 1.25), (below, 1, 1.25)]).Should().Be(Verdict.Refuted);
        ReplicatedVerdict.Combine([(above, 1, 1.25), (near, 1, 1.25)]).Should().Be(Verdict.NoEffectOfInterest);
    }
}
