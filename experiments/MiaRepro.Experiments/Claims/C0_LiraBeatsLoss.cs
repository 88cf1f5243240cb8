using FluentAssertions;
using MiaRepro.Claims;

namespace MiaRepro.Experiments.Claims;

/// <summary>
/// C0 — "LiRA beats the LOSS attack at low FPR" (the LiRA paper, Table I). At smoke scale, on the baseline recipe:
/// LiRA's TPR at 0.1% FPR (online, global variance: 14 shadows per target) divided by LOSS's, both scoring the same
/// targets and examples, has a 95% paired bootstrap interval wholly above 1.
/// </summary>
[Trait("Claim", "C0")]
[Trait("Scale", "smoke")]
public sealed class C0_LiraBeatsLoss(SmokeReproduction smoke, ITestOutputHelper output)
{
    [Fact]
    public void LiRA_finds_more_members_than_the_loss_attack_at_one_in_a_thousand_false_positives()
    {
        // Given the smoke baseline population, attacked by LiRA and by LOSS
        // When the claim is decided from the paired bootstrap interval of LiRA's TPR over LOSS's at 0.1% FPR
        var claim = smoke.Claim("C0");
        output.WriteLine(SmokeReproduction.Describe(claim));

        // Then the whole interval lies above 1
        claim.Threshold.Should().Be(1.0);
        SmokeReproduction.RequireSupported(claim);
    }

    [Fact]
    public void Key_numbers_match_the_baseline()
    {
        // Given the claim's verdict, effect, interval and the numbers of the recipes it needs
        // When they are compared with baselines/cpu (tolerances per metric: docs/baselines.md)
        var check = smoke.CheckBaseline(nameof(C0_LiraBeatsLoss), nameof(Key_numbers_match_the_baseline), "C0");

        // Then nothing moved beyond its tolerance
        check.Matches.Should().BeTrue(check.Message);
    }
}
