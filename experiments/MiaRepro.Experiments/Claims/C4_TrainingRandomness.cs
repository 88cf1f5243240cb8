using FluentAssertions;
using MiaRepro.Claims;

namespace MiaRepro.Experiments.Claims;

/// <summary>
/// C4 — "Combining techniques adds training randomness, which weakens the attack." Training randomness is the
/// randomness-to-signal ratio ρ = mean over examples of the spread of φ between models of equal membership, over the
/// mean IN−OUT separation of φ (README, "Claims"). At smoke scale: ρ(crop-flip-early-stop) ÷ max(ρ(crop-flip),
/// ρ(early-stop)) has a 95% paired bootstrap interval (models and examples resampled) wholly above 1.
/// </summary>
[Trait("Claim", "C4")]
[Trait("Scale", "smoke")]
public sealed class C4_TrainingRandomness(SmokeReproduction smoke, ITestOutputHelper output)
{
    [Fact]
    public void Combining_augmentation_with_early_stopping_spreads_the_signal_more_than_either_alone()
    {
        // Given the smoke populations of crop-flip, early-stop and their combination on one keep matrix
        // When ρ is measured on each and the combination's is divided by the larger of the other two
        var claim = smoke.Claim("C4");
        output.WriteLine(SmokeReproduction.Describe(claim));

        // Then the whole interval lies above 1
        claim.Threshold.Should().Be(1.0);
        SmokeReproduction.RequireSupported(claim);
    }

    [Fact]
    public void Key_numbers_match_the_baseline()
    {
        // Given the claim's verdict, effect, interval and the numbers of the recipes it needs
        // When they are compared with baselines/cpu (tolerances per metric: README, "Baselines")
        var check = smoke.CheckBaseline(nameof(C4_TrainingRandomness), nameof(Key_numbers_match_the_baseline), "C4");

        // Then nothing moved beyond its tolerance
        check.Matches.Should().BeTrue(check.Message);
    }
}
