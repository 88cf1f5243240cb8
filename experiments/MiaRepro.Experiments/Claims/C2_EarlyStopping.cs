using FluentAssertions;
using MiaRepro.Claims;

namespace MiaRepro.Experiments.Claims;

/// <summary>
/// C2 — "Early stopping lowers MIA success." At smoke scale: the early-stop recipe (no augmentation; validation accuracy,
/// patience 3, best weights restored) against the baseline, on the same examples and keep matrix: its LiRA TPR at
/// 0.1% FPR is lower (factor's 95% interval wholly above 1) and its AUC lower (difference's interval wholly above 0).
/// </summary>
[Trait("Claim", "C2")]
[Trait("Scale", "smoke")]
public sealed class C2_EarlyStopping(SmokeReproduction smoke, ITestOutputHelper output)
{
    [Fact]
    public void Early_stopping_lowers_LiRA_TPR_and_AUC_below_the_baseline()
    {
        // Given the smoke populations of the baseline and the early-stop recipe
        // When compared by the paired bootstrap
        var claim = smoke.Claim("C2");
        output.WriteLine(SmokeReproduction.Describe(claim));

        // Then both measures fall
        claim.Reason.Should().Contain("early-stop:");
        SmokeReproduction.RequireSupported(claim);
    }

    [Fact]
    public void Key_numbers_match_the_baseline()
    {
        // Given the claim's verdict, effect, interval and the numbers of the recipes it needs
        // When they are compared with baselines/cpu (tolerances per metric: docs/baselines.md)
        var check = smoke.CheckBaseline(nameof(C2_EarlyStopping), nameof(Key_numbers_match_the_baseline), "C2");

        // Then nothing moved beyond its tolerance
        check.Matches.Should().BeTrue(check.Message);
    }
}
