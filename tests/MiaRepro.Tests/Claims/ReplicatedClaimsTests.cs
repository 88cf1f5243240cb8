using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Registration;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>Claims decided from replicates' results: the parts' per-replicate effects, not the replicates' own verdicts.</summary>
public sealed class ReplicatedClaimsTests
{
    private static RegisteredDesign Design(IReadOnlyDictionary<string, string>? undecided = null) =>
        Preregistration.Current.Scale("claims") with { Undecided = undecided };

    private static ClaimResult Claim(string id, params (string Name, double? Effect, double? Threshold, bool Ratio)[] parts) =>
        new(id, "a claim", Verdict.Inconclusive, parts[0].Effect, [0, 10], 1, "measure", "each replicate's own reason")
        {
            Parts = [.. parts.Select(p => new ClaimPart(p.Name, p.Name, p.Effect, p.Effect is null ? null : [0, 10], p.Threshold, Verdict.Inconclusive) { Ratio = p.Ratio })],
        };

    [Fact]
    public void Each_tested_part_is_decided_from_its_replicates_and_reported_parts_are_estimated_untested()
    {
        // Given five replicates, each inconclusive on its own, whose ratios lie near 3 and AUC differences near 0.05
        double[] ratios = [2.5, 3.1, 2.8, 3.6, 3.0];
        double[] differences = [0.045, 0.052, 0.05, 0.056, 0.047];
        var replicates = ratios.Select((r, i) => (IReadOnlyList<ClaimResult>)[Claim("C3a", ("tpr", r, 1, true), ("auc", differences[i], 0, false), ("largest", 10 * r, null, true))]).ToList();

        // When
        var claim = ReplicatedClaims.Decide(replicates, Design(), Preregistration.Current).Single();

        // Then both tested parts are supported, the claim with them, and the reported part has an estimate, no verdict
        claim.Verdict.Should().Be(Verdict.Supported, claim.Reason);
        claim.Effect.Should().BeApproximately(Math.Exp(ratios.Average(Math.Log)), 1e-12);
        claim.Parts.Select(p => p.Verdict).Should().Equal(Verdict.Supported, Verdict.Supported, null);
        claim.Parts[1].Effect.Should().BeApproximately(differences.Average(), 1e-15);
        claim.Parts[2].Replicates.Should().Equal(25, 31, 28, 36, 30);
        claim.Measure.Should().Contain("5 independent replicates").And.Contain("4 df");
    }

    [Fact]
    public void A_claim_without_parts_is_decided_from_its_own_effect()
    {
        var replicates = new[] { 20.0, 31, 25, 40, 28 }
            .Select(e => (IReadOnlyList<ClaimResult>)[new ClaimResult("C0", "c0", Verdict.Supported, e, [e / 2, e * 2], 1, "lira ÷ loss", "r")]).ToList();
        var claim = ReplicatedClaims.Decide(replicates, Design(), Preregistration.Current).Single();
        claim.Verdict.Should().Be(Verdict.Supported);
        claim.Parts.Single().Name.Should().Be("effect");
    }

    [Fact]
    public void A_ratio_with_measured_sides_is_pooled_so_a_replicate_whose_denominator_is_0_still_counts()
    {
        // Given C0-like replicates whose LOSS TPR is 0 in one of them (its own ratio infinite)
        (double Lira, double Loss)[] sides = [(0.03, 0.001), (0.025, 0.0), (0.035, 0.002), (0.028, 0.001), (0.031, 0.0015)];
        var replicates = sides.Select(s => (IReadOnlyList<ClaimResult>)[new ClaimResult("C0", "c0", Verdict.Supported, s.Lira / s.Loss, null, 1, "lira ÷ loss", "r")
        {
            Sides = s,
        }]).ToList();

        // When
        var claim = ReplicatedClaims.Decide(replicates, Design(), Preregistration.Current).Single();

        // Then the pooled ratio decides it
        claim.Verdict.Should().Be(Verdict.Supported, claim.Reason);
        claim.Effect.Should().BeApproximately(sides.Sum(s => s.Lira) / sides.Sum(s => s.Loss), 1e-12);
    }

    [Fact]
    public void A_part_unmeasured_in_one_replicate_leaves_the_claim_inconclusive()
    {
        double?[] ratios = [2.5, 3.1, null, 3.6, 3.0];
        var replicates = ratios.Select(r => (IReadOnlyList<ClaimResult>)[Claim("C1", ("tpr", r, 1, true))]).ToList();
        var claim = ReplicatedClaims.Decide(replicates, Design(), Preregistration.Current).Single();
        claim.Verdict.Should().Be(Verdict.Inconclusive);
        claim.Reason.Should().Contain("not measured in every replicate");
    }

    [Fact]
    public void A_claim_the_design_leaves_undecided_keeps_its_estimates_and_loses_its_verdicts()
    {
        double[] ratios = [2.5, 3.1, 2.8, 3.6, 3.0];
        var replicates = ratios.Select(r => (IReadOnlyList<ClaimResult>)[Claim("C4", ("share", r, 1, true))]).ToList();
        var claim = ReplicatedClaims.Decide(replicates, Design(new Dictionary<string, string> { ["C4"] = "too few replicates" }), Preregistration.Current).Single();
        claim.Verdict.Should().Be(Verdict.Inconclusive);
        claim.Reason.Should().StartWith("not decided at the claims scale, by registration: too few replicates");
        claim.Parts.Single().Verdict.Should().BeNull();
        claim.Effect.Should().NotBeNull();
    }

    [Fact]
    public void The_registered_margin_of_C4_lets_an_effect_near_1_show_no_effect_of_interest()
    {
        double[] ratios = [0.97, 1.01, 0.99, 1.02, 0.98];
        var replicates = ratios.Select(r => (IReadOnlyList<ClaimResult>)[Claim("C4", ("spread", r, 1, true))]).ToList();
        var claim = ReplicatedClaims.Decide(replicates, Design(), Preregistration.Current).Single();
        Preregistration.Current.Claim("C4").Value(ReplicatedClaims.MarginName).Should().Be(1.25);
        claim.Verdict.Should().Be(Verdict.NoEffectOfInterest, claim.Reason);
        claim.Reason.Should().Contain("equivalence region [0.8, 1.25]");
    }
}
