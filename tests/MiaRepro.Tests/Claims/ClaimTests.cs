using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Recipes;
using MiaRepro.Registration;
using Xunit;

namespace MiaRepro.Tests.Claims;

/// <summary>Each claim on synthetic runs whose answer is known: supported when the effect is there, refuted when it is reversed.</summary>
public sealed class ClaimTests
{
    private const string Lira = ClaimWorld.Attack;

    private static RegisteredClaim Registered(string id) => Preregistration.Current.Claim(id);

    private static LiraBeatsLossClaim C0() => new(Lira, Registered("C0"));

    private static CombinedTechniquesClaim C3a() => CombinedTechniquesClaim.Lowers(Lira, Registered("C3a"));

    private static CombinedTechniquesClaim C3b() => CombinedTechniquesClaim.TheMost(Lira, Registered("C3b"));

    private static CombinedRandomnessClaim C4() => new(Registered("C4"));

    private static GapPredictsVulnerabilityClaim C5() => new(Lira, Registered("C5"));

    [Fact]
    public void C0_LiRA_beats_loss_when_difficulty_hides_membership_from_the_raw_loss()
    {
        // Given a baseline whose examples differ in difficulty far more than membership moves them
        var world = new ClaimWorld().Recipe("baseline", shift: 2.0);

        // When
        var result = world.Decide(C0());

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
        var result = world.Decide(C0());

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void C1_is_supported_when_every_augmentation_recipe_leaks_less_and_names_each()
    {
        // Given two augmentation recipes that both move IN examples less than the baseline
        var world = new ClaimWorld().Recipe("baseline", 2.0).Recipe("crop-flip", 1.0).Recipe("flip", 1.2).Recipe("early-stop", 3.0);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.Augmentation(Lira, Registered("C1")));

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
        var result = world.Decide(TechniqueLowersAttackClaim.Augmentation(Lira, Registered("C1")));

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void C1_is_inconclusive_when_augmentation_changes_nothing()
    {
        // Given an augmentation recipe identical in distribution and draws to the baseline
        var world = new ClaimWorld().Recipe("baseline", 1.5).Recipe("crop-flip", 1.5);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.Augmentation(Lira, Registered("C1")));

        // Then
        result.Verdict.Should().Be(Verdict.Inconclusive, result.Reason);
    }

    [Fact]
    public void C2_compares_only_the_early_stopping_recipes_with_the_baseline()
    {
        // Given
        var world = new ClaimWorld().Recipe("baseline", 2.0).Recipe("early-stop", 0.8).Recipe("crop-flip", 3.0);

        // When
        var result = world.Decide(TechniqueLowersAttackClaim.EarlyStopping(Lira, Registered("C2")));

        // Then
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Reason.Should().Contain("early-stop:").And.NotContain("crop-flip");
    }

    [Fact]
    public void C3a_and_C3b_are_supported_when_the_combined_recipe_leaks_less_than_each_technique_alone_and_the_baseline()
    {
        // Given the combined recipe well below crop-flip and early-stop alone, which are below the baseline
        var world = new ClaimWorld().Recipe("baseline", 2.5).Recipe("crop-flip", 1.6).Recipe("early-stop", 1.4).Recipe("crop-flip-early-stop", 0.3);

        // When
        var lowers = world.Decide(C3a());
        var most = world.Decide(C3b());

        // Then "lowers" holds against the baseline with the largest factor reported, and "the most" against early-stop
        // (the better technique) at 1% FPR and by AUC, with its 0.1% ratio reported
        lowers.Verdict.Should().Be(Verdict.Supported, lowers.Reason);
        lowers.Parts.Select(p => p.Name).Should().Equal("below_baseline", "auc_below_baseline", "largest_reduction");
        lowers.Parts[2].Measure.Should().Be("baseline ÷ crop-flip-early-stop");
        lowers.Parts[2].Threshold.Should().BeNull("the largest reduction is reported, not tested");
        lowers.Parts[1].Ratio.Should().BeFalse("an AUC difference is not a ratio");
        lowers.Effect.Should().Be(lowers.Parts[0].Effect);
        most.Verdict.Should().Be(Verdict.Supported, most.Reason);
        most.Parts.Select(p => p.Name).Should().Equal("below_each_technique", "auc_below_each_technique", "below_each_technique_at_0.1%");
        most.Measure.Should().Contain("TPR at 1% FPR");
        most.Parts[2].Threshold.Should().BeNull();
        most.Ci95![0].Should().BeGreaterThan(1);
    }

    [Fact]
    public void C3b_is_refuted_when_a_technique_alone_leaks_less_than_the_combination_while_C3a_holds()
    {
        // Given early stopping alone well below the combined recipe, both below the baseline
        var world = new ClaimWorld().Recipe("baseline", 2.5).Recipe("crop-flip", 1.6).Recipe("early-stop", 0.3).Recipe("crop-flip-early-stop", 1.4);

        // When
        var lowers = world.Decide(C3a());
        var most = world.Decide(C3b());

        // Then "lowers" holds but "the most" is refuted: two claims, two verdicts
        lowers.Verdict.Should().Be(Verdict.Supported, lowers.Reason);
        lowers.Parts[2].Measure.Should().Be("baseline ÷ early-stop", "early-stop has the largest reduction of the run");
        most.Parts[0].Verdict.Should().Be(Verdict.Refuted);
        most.Verdict.Should().Be(Verdict.Refuted, most.Reason);
    }

    [Fact]
    public void C3b_is_inconclusive_when_the_combination_is_no_better_than_the_better_technique()
    {
        // Given the combined recipe drawn exactly as early stopping alone
        var world = new ClaimWorld().Recipe("baseline", 2.5).Recipe("crop-flip", 1.6).Recipe("early-stop", 0.8).Recipe("crop-flip-early-stop", 0.8);

        // When
        var result = world.Decide(C3b());

        // Then
        result.Parts[0].Effect.Should().Be(1.0);
        result.Parts[1].Effect.Should().Be(0.0);
        result.Verdict.Should().Be(Verdict.Inconclusive, result.Reason);
    }

    [Fact]
    public void C4_is_supported_when_combining_adds_seed_randomness_that_widens_the_spread()
    {
        // Given seed shares 0.2 (augmentation), 0.33 (early stopping) and 0.8 (combined), each with data noise 1
        var world = new ClaimWorld()
            .RandomRecipe("baseline", 2.0, dataNoise: 1.0, seedNoise: 0.5, twins: 0)
            .RandomRecipe("crop-flip", 1.0, dataNoise: 1.0, seedNoise: 0.5)
            .RandomRecipe("early-stop", 1.0, dataNoise: 1.0, seedNoise: Math.Sqrt(0.5))
            .RandomRecipe("crop-flip-early-stop", 1.0, dataNoise: 1.0, seedNoise: 2.0);

        // When
        var result = world.Decide(C4());

        // Then the headline is the seed-share ratio 0.8 / 0.33 = 2.4, and σ/s grows by √5 / √1.5 ≈ 1.83
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Effect.Should().BeApproximately(2.4, 0.5);
        result.Parts.Select(p => p.Name).Should().Equal("seed_share", "spread_part", "separation_part");
        result.Parts[1].Effect.Should().BeApproximately(1.83, 0.15);
        result.Parts[2].Verdict.Should().BeNull("the separation part is reported, not tested");
        result.Reason.Should().Contain("baseline σ").And.Contain("seed share");
    }

    [Fact]
    public void C4_is_refuted_when_combining_makes_training_less_random_than_a_technique_alone()
    {
        // Given seed shares 0.9 (augmentation), 0.5 (early stopping) and 0.08 (combined), the combined spread narrowest
        var world = new ClaimWorld()
            .RandomRecipe("crop-flip", 1.0, dataNoise: 0.5, seedNoise: 1.5)
            .RandomRecipe("early-stop", 1.0, dataNoise: 1.0, seedNoise: 1.0)
            .RandomRecipe("crop-flip-early-stop", 1.0, dataNoise: 1.0, seedNoise: 0.3);

        // When
        var result = world.Decide(C4());

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
        result.Parts[0].Verdict.Should().Be(Verdict.Refuted);
        result.Parts[1].Verdict.Should().Be(Verdict.Refuted);
        result.Effect.Should().BeApproximately(0.08 / 0.9, 0.05);
    }

    [Fact]
    public void C4_is_refuted_when_the_added_randomness_does_not_widen_the_spread()
    {
        // Given a combined recipe whose variance is mostly the seed's (share 0.9) but smaller in all (σ 0.95 vs 1.12)
        var world = new ClaimWorld()
            .RandomRecipe("crop-flip", 1.0, dataNoise: 1.0, seedNoise: 0.5)
            .RandomRecipe("early-stop", 1.0, dataNoise: 1.0, seedNoise: 0.5)
            .RandomRecipe("crop-flip-early-stop", 1.0, dataNoise: 0.3, seedNoise: 0.9);

        // When
        var result = world.Decide(C4());

        // Then the randomness is added, but it is not what weakens the attack
        result.Parts[0].Verdict.Should().Be(Verdict.Supported);
        result.Parts[1].Verdict.Should().Be(Verdict.Refuted);
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void C4_without_twin_models_is_inconclusive_and_says_so()
    {
        // Given populations without twins (e.g. read from folders)
        var world = new ClaimWorld().Recipe("crop-flip", 1.0).Recipe("early-stop", 1.0).Recipe("crop-flip-early-stop", 1.0);

        // When
        var result = world.Decide(C4());

        // Then
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Effect.Should().BeNull();
        result.Reason.Should().Contain("twin models of crop-flip");
    }

    /// <summary>Ten recipes (the registered minimum of clusters) leaking in the order of <paramref name="shift"/>, with accuracies from <paramref name="accuracy"/>(recipe, model).</summary>
    private static ClaimWorld TenRecipes(Func<int, double> shift, Func<int, int, (double Train, double Test)> accuracy)
    {
        var world = new ClaimWorld();
        foreach (var (name, r) in RecipeCatalog.PaperGrid.Take(10).Select((n, i) => (n, i)))
        {
            world.Recipe(name, shift(r), accuracy: m => accuracy(r, m));
        }

        return world;
    }

    [Fact]
    public void C5_is_supported_when_the_gap_tracks_leakage_beyond_test_accuracy()
    {
        // Given ten recipes leaking in the order of their train accuracies (so of their gaps), with test accuracies unrelated to leakage
        var world = TenRecipes(r => 0.4 + (0.2 * r), (r, m) => (0.80 + (0.02 * r), 0.70 + (0.01 * ((r * 7 + m) % 10))));

        // When
        var result = world.Decide(C5());

        // Then the partial correlation of gap and TPR given test accuracy is positive, recipes resampled as clusters
        result.Verdict.Should().Be(Verdict.Supported, result.Reason);
        result.Reason.Should().Contain("160 targets in 10 recipes").And.Contain("within each recipe");
        result.Effect.Should().BeGreaterThan(0.3);
    }

    [Fact]
    public void C5_is_refuted_when_the_gap_falls_as_leakage_rises()
    {
        // Given ten recipes whose gap shrinks as they leak more (train accuracy falls), test accuracy unrelated
        var world = TenRecipes(r => 0.4 + (0.2 * r), (r, m) => (1.0 - (0.02 * r), 0.70 + (0.01 * ((r * 7 + m) % 10))));

        // When
        var result = world.Decide(C5());

        // Then
        result.Verdict.Should().Be(Verdict.Refuted, result.Reason);
    }

    [Fact]
    public void C5_with_fewer_recipes_than_registered_is_inconclusive_by_design_yet_reports_its_numbers()
    {
        // Given the supported world's first four recipes only
        var world = new ClaimWorld();
        foreach (var (name, r) in RecipeCatalog.PaperGrid.Take(4).Select((n, i) => (n, i)))
        {
            world.Recipe(name, 0.4 + (0.6 * r), accuracy: m => (0.80 + (0.06 * r), 0.70 + (0.01 * ((r * 7 + m) % 10))));
        }

        // When
        var result = world.Decide(C5());

        // Then
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Reason.Should().StartWith("inconclusive by design: 4 recipes are too few clusters").And.Contain("registered minimum 10");
        result.Effect.Should().NotBeNull();
        result.Ci95.Should().NotBeNull();
    }

    [Fact]
    public void C5_is_undefined_when_every_train_accuracy_is_one_so_the_gap_is_test_accuracy_restated()
    {
        // Given
        var world = TenRecipes(r => 0.4 + (0.2 * r), (r, m) => (1.0, 0.70 + (0.01 * ((r * 7 + m) % 10))));

        // When
        var result = world.Decide(C5());

        // Then
        result.Verdict.Should().Be(Verdict.Inconclusive);
        result.Effect.Should().BeNull();
        result.Reason.Should().Contain("the gap is a function of test accuracy alone");
    }

    [Fact]
    public void A_claim_whose_recipe_is_missing_is_inconclusive_with_the_reason()
    {
        // Given a run without the combined recipe
        var world = new ClaimWorld().Recipe("crop-flip", 1.0).Recipe("early-stop", 1.0);

        // When
        var result = world.Decide(C4());

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
        ClaimCatalog.For(ScaleProfile.Smoke).Select(c => c.Id).Should().Equal("C0", "C1", "C2", "C3a", "C3b", "C4", "C5");
        ClaimCatalog.For(ScaleProfile.Smoke).Should().OnlyContain(c => c.AppliesTo(recipes.ToDictionary(r => r, r => RecipeCatalog.Create(r, ScaleProfile.Smoke))));
        ClaimCatalog.For(ScaleProfile.Paper).Should().OnlyContain(c => c.AppliesTo(ScaleProfile.Paper.Recipes.ToDictionary(r => r, r => RecipeCatalog.Create(r, ScaleProfile.Paper))));
    }

    [Fact]
    public void Every_claim_is_built_from_its_registration()
    {
        // Given the committed pre-registration
        var registration = Preregistration.Current;

        // When the smoke claims are built
        var claims = ClaimCatalog.For(ScaleProfile.Smoke);

        // Then statements and recipes are the registered ones, and each claim decides at its registered threshold
        claims.Select(c => c.Id).Should().Equal(registration.Claims.Select(c => c.Id));
        foreach (var claim in claims)
        {
            var registered = registration.Claim(claim.Id);
            claim.Statement.Should().Be(registered.Statement);
            claim.Recipes.Should().Equal(registered.Recipes, claim.Id);
        }

        registration.Fpr.Should().Be(LowFpr.Fpr);
        var c0 = new ClaimWorld().Recipe("baseline", 2.0).Decide(claims[0]);
        c0.Threshold.Should().Be(registration.Claim("C0").Threshold);
    }
}
