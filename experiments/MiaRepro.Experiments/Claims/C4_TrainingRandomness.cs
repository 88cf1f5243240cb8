using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Registration;

namespace MiaRepro.Experiments.Claims;

/// <summary>
/// C4 — "Combining techniques adds training randomness, which weakens the attack." At smoke scale, from each recipe's
/// 16 models and 4 twins (a twin trains on a model's keep row with another seed): the seed-variance share of φ
/// ("adds randomness") and the relative spread σ/s ("weakens the attack": the spread part of LiRA's power loss), each of
/// crop-flip-early-stop ÷ the larger of crop-flip's and early-stop's, with 95% paired bootstrap intervals (models,
/// examples and twin pairs resampled) wholly above 1 (docs/claims.md).
/// </summary>
[Trait("Claim", "C4")]
[Trait("Scale", "smoke")]
public sealed class C4_TrainingRandomness(SmokeReproduction smoke, ITestOutputHelper output)
{
    [Fact]
    public void Combining_augmentation_with_early_stopping_adds_seed_randomness_that_widens_the_spread()
    {
        // Given the smoke populations and twins of crop-flip, early-stop and their combination on one keep matrix
        // When the seed share and σ/s are measured on each and the combination's divided by the larger of the other two
        var claim = smoke.Claim("C4");
        SmokeReproduction.WriteParts(claim, output);

        // Then both tested parts are measured at their registered thresholds and both intervals lie above them
        var registered = Preregistration.Current.Claim("C4");
        claim.Threshold.Should().Be(registered.Threshold);
        claim.Parts.Select(p => p.Name).Should().Equal("seed_share", "spread_part", "separation_part");
        claim.Parts[1].Threshold.Should().Be(registered.Value("relative_spread"));
        SmokeReproduction.RequireSupported(claim);
    }

    [Fact]
    public void Key_numbers_match_the_baseline()
    {
        // Given the claim's verdict, effect, interval and the numbers of the recipes it needs
        // When they are compared with baselines/cpu (tolerances per metric: docs/baselines.md)
        var check = smoke.CheckBaseline(nameof(C4_TrainingRandomness), nameof(Key_numbers_match_the_baseline), "C4");

        // Then nothing moved beyond its tolerance
        check.Matches.Should().BeTrue(check.Message);
    }
}
