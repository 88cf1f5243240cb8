using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Recipes;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>Each claim on synthetic runs whose answer is known: supported when the effect is there, refuted when it is reversed.</summary>
public sealed class ClaimTests
{
    private const string Lira = ClaimWorld.Attack;

    [Fact]
    public void C0_LiRA_beats_loss_when_difficulty_hides_membership_from_the_raw_loss()
    {
        // Given a baseline whose examples differ in difficulty far more than membership moves them
        var world = new ClaimWorld().Recipe("baseline", shift: 2.0);

        // When
        var result = world.Decide(new LiraBeatsLossClaim(Lira));

        // Then LiRA, which calibrates each example by its shadows, wins clearly at 0.1% FPR
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Effect.Should().BeGreaterThan(3);
        result.Ci95![0].Should().BeGreaterThan(1);
    }

    [Fact]
    public void C0_is_refuted_when_LiRA_has_a_sign_error()
    {
        // Given the same run with LiRA's scores negated
        var world = new ClaimWorld().Recipe("baseline", shift: 2.0).FlipSign("baseline", Lira);

        // When
        var result = world.Decide(new LiraBeatsLossClaim(Lira));

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void C1_is_supported_when_every_augmentation_recipe_leaks_less_and_names_each()
    {
        // Given two augmentation recipes that both move IN examples less than the baseline
        var world = new ClaimWorld().Recipe("baseline", 2.0).Recipe("crop-flip", 1.0).Recipe("flip", 1.2).Recipe("early-stop", 3.0);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.Augmentation(Lira, ScaleProfile.Smoke));

        // Then early-stop (not an augmentation recipe) is not part of C1
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Reason.Should().Contain("crop-flip:").And.Contain("flip:").And.NotContain("early-stop");
        result.Ci95![0].Should().BeGreaterThan(1);
    }

    [Fact]
    public void C1_is_refuted_when_one_augmentation_recipe_leaks_more()
    {
        // Given
        var world = new ClaimWorld().Recipe("baseline", 1.0).Recipe("crop-flip", 0.5).Recipe("flip", 2.0);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.Augmentation(Lira, ScaleProfile.Smoke));

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void C1_is_inconclusive_when_augmentation_changes_nothing()
    {
        // Given an augmentation recipe identical in distribution and draws to the baseline
        var world = new ClaimWorld().Recipe("baseline", 1.5).Recipe("crop-flip", 1.5);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.Augmentation(Lira, ScaleProfile.Smoke));

        // Then
        result.Verdict.Should().Be(Verdict.Inconclusive, result.Reason);
    }

    [Fact]
    public void C2_compares_only_the_early_stopping_recipes_with_the_baseline()
    {
        // Given
        var world = new ClaimWorld().Recipe("baseline", 2.0).Recipe("early-stop", 0.8).Recipe("crop-flip", 3.0);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.EarlyStopping(Lira, ScaleProfile.Smoke));

        // Then
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Reason.Should().Contain("early-stop:").And.NotContain("crop-flip");
    }

    [Fact]
    public void C3_is_supported_above_its_factor_and_reports_whether_the_combined_recipe_is_lowest()
    {
        // Given
        var world = new ClaimWorld().Recipe("baseline", 2.5).Recipe("crop-flip", 1.2).Recipe("crop-flip-early-stop", 0.3);

        // When
        var result = world.Decide(new CombinedTechniquesClaim(Lira));

        // Then
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Ci95![0].Should().BeGreaterThan(3);
        result.Reason.Should().Contain("crop-flip-early-stop has the lowest TPR of the run");
    }

    [Fact]
    public void C4_is_supported_when_the_combined_recipe_spreads_more_between_models_than_either_technique()
    {
        // Given ρ = noise / shift: augmentation 1, early stopping 1.25, combined 2.5, baseline 0.5
        var world = new ClaimWorld()
            .Recipe("baseline", 2.0).Recipe("crop-flip", 1.0).Recipe("early-stop", 0.8)
            .Recipe("crop-flip-early-stop", 0.8, noise: 2.0);

        // When
        var result = world.Decide(new CombinedRandomnessClaim());

        // Then the effect is ρ(combined) / ρ(early-stop) = 2
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Effect.Should().BeApproximately(2.0, 0.15);
        result.Reason.Should().Contain("baseline");
    }

    [Fact]
    public void C4_is_refuted_when_combining_makes_training_less_random_than_a_technique_alone()
    {
        // Given
        var world = new ClaimWorld().Recipe("crop-flip", 1.0, noise: 2.0).Recipe("early-stop", 1.0).Recipe("crop-flip-early-stop", 1.0);

        // When
        var result = world.Decide(new CombinedRandomnessClaim());

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
        result.Effect.Should().BeApproximately(0.5, 0.05);
    }

    [Fact]
    public void C5_is_supported_when_the_gap_tracks_leakage_and_test_accuracy_does_not()
    {
        // Given four recipes leaking in the order of their gaps, with test accuracies unrelated to leakage
        var world = new ClaimWorld()
            .Recipe("baseline", 2.0, accuracy: m => (1.0, 0.80 + (0.01 * (m % 4))))
            .Recipe("crop-flip", 1.4, accuracy: m => (0.93, 0.81 + (0.01 * ((m + 1) % 4))))
            .Recipe("early-stop", 1.0, accuracy: m => (0.90, 0.82 + (0.01 * ((m + 2) % 4))))
            .Recipe("crop-flip-early-stop", 0.5, accuracy: m => (0.86, 0.80 + (0.01 * ((m + 3) % 4))));

        // When
        var result = world.Decide(new GapPredictsVulnerabilityClaim(Lira));

        // Then
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Reason.Should().Contain("64 targets");
    }

    [Fact]
    public void C5_is_refuted_when_test_accuracy_tracks_leakage_and_the_gap_does_not()
    {
        // Given train accuracy that moves with test accuracy, so the gap is the same noise everywhere
        var world = new ClaimWorld()
            .Recipe("baseline", 2.0, accuracy: m => (0.70 + 0.2 + (0.01 * (m % 4)), 0.70))
            .Recipe("crop-flip", 1.4, accuracy: m => (0.75 + 0.2 + (0.01 * ((m + 1) % 4)), 0.75))
            .Recipe("early-stop", 1.0, accuracy: m => (0.80 + 0.2 + (0.01 * ((m + 2) % 4)), 0.80))
            .Recipe("crop-flip-early-stop", 0.5, accuracy: m => (0.85 + 0.2 + (0.01 * ((m + 3) % 4)), 0.85));

        // When
        var result = world.Decide(new GapPredictsVulnerabilityClaim(Lira));

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void A_claim_whose_recipe_is_missing_is_inconclusive_with_the_reason()
    {
        // Given a run without the combined recipe
        var world = new ClaimWorld().Recipe("crop-flip", 1.0).Recipe("early-stop", 1.0);

        // When
        var result = world.Decide(new CombinedRandomnessClaim());

        // Then
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Reason.Should().Contain("crop-flip-early-stop");
        result.Effect.Should().BeNull();
    }

    [Fact]
    public void The_smoke_scale_default_recipes_let_every_claim_be_decided()
    {
        // Given
        var recipes = ScaleProfile.Smoke.Recipes;

        // Then
        ClaimCatalog.For(ScaleProfile.Smoke).Select(c => c.Id).Should().Equal("C0", "C1", "C2", "C3", "C4", "C5");
        ClaimCatalog.For(ScaleProfile.Smoke).Should().OnlyContain(c => c.AppliesTo(recipes.ToList()));
        ClaimCatalog.For(ScaleProfile.Paper).Should().OnlyContain(c => c.AppliesTo(ScaleProfile.Paper.Recipes.ToList()));
    }
}
