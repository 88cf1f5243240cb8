using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Recipes;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>A claim a scale registers as undecided is measured and reported, inconclusive by design.</summary>
public sealed class UndecidedClaimTests
{
    [Fact]
    public void A_supported_measurement_becomes_inconclusive_with_the_registered_reason_first_and_its_numbers_kept()
    {
        // Given a claim whose measurement would be supported, with a decided part
        var measured = new FixedClaim(new ClaimResult("C9", "A statement.", Verdict.Supported, 2.5, [1.5, 4.0], 1.0, "a ratio", "the whole 95% interval lies above 1")
        {
            Parts = [new ClaimPart("part", "a ratio", 2.5, [1.5, 4.0], 1.0, Verdict.Supported)],
        });

        // When the scale does not decide it
        var result = new UndecidedClaim(measured, "smoke", "the pilot cannot resolve it").Decide(null!);

        // Then it is inconclusive, says why first, and keeps the effect, interval and parts without their verdicts
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Reason.Should().StartWith("not decided at the smoke scale, by registration: the pilot cannot resolve it; measured: the whole 95% interval");
        result.Effect.Should().Be(2.5);
        result.Ci95.Should().Equal(1.5, 4.0);
        var part = result.Parts.Should().ContainSingle().Which;
        (part.Name, part.Effect, part.Threshold, part.Verdict).Should().Be(("part", 2.5, 1.0, (Verdict?)null));
        part.Ci95.Should().Equal(1.5, 4.0);
    }

    [Fact]
    public void The_registration_leaves_C3b_and_C4_undecided_at_smoke_C4_and_C5_at_the_claims_scale_and_decides_every_claim_at_paper_scale()
    {
        ClaimCatalog.For(ScaleProfile.Smoke).Where(c => c is UndecidedClaim).Select(c => c.Id).Should().Equal("C3b", "C4");
        ClaimCatalog.For(ScaleProfile.Claims).Where(c => c is UndecidedClaim).Select(c => c.Id).Should().Equal("C4", "C5");
        ClaimCatalog.For(ScaleProfile.Paper).Should().NotContain(c => c is UndecidedClaim);
    }

    private sealed class FixedClaim(ClaimResult result) : IClaim
    {
        public string Id => result.Id;

        public string Statement => result.Statement;

        public IReadOnlyList<string> Recipes => ["baseline"];

        public string? Attack => null;

        public ClaimResult Decide(ClaimEvidence evidence) => result;
    }
}
