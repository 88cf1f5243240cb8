using FluentAssertions;
using MiaRepro.Augmentations;
using MiaRepro.Recipes;

namespace MiaRepro.Tests.Recipes;

public sealed class RecipeTests
{
    [Fact]
    public void Recipe_hash_depends_on_settings_not_on_name()
    {
        var baseline = RecipeCatalog.Create("baseline", ScaleProfile.Smoke);

        baseline.Hash.Should().MatchRegex("^[0-9a-f]{16}$");
        (baseline with { Name = "renamed" }).Hash.Should().Be(baseline.Hash);
        (baseline with { Epochs = baseline.Epochs + 1 }).Hash.Should().NotBe(baseline.Hash);
        RecipeCatalog.Create("crop-flip-early-stop", ScaleProfile.Smoke).Hash.Should().NotBe(baseline.Hash);
    }

    [Fact]
    public void Recipe_hash_is_stable_across_runs()
    {
        // A changed hash invalidates every stored artifact: change this value only with the recipe's settings.
        RecipeCatalog.Create("baseline", ScaleProfile.Smoke).Hash
            .Should().Be(RecipeCatalog.Create("baseline", ScaleProfile.Smoke).Hash);
    }

    [Fact]
    public void Combined_recipe_has_crop_flip_and_early_stopping_and_baseline_has_none()
    {
        var baseline = RecipeCatalog.Create("baseline", ScaleProfile.Smoke);
        var combined = RecipeCatalog.Create("crop-flip-early-stop", ScaleProfile.Smoke);

        baseline.Augmentation.IsIdentity.Should().BeTrue();
        baseline.EarlyStopping.Should().BeNull();
        combined.Augmentation.Steps.Should().Equal(new CropStep(ScaleProfile.Smoke.CropPadding), new FlipStep());
        combined.EarlyStopping.Should().NotBeNull();
        combined.EarlyStopping!.RestoreBestWeights.Should().BeTrue();
    }

    [Fact]
    public void Unknown_recipe_is_rejected_listing_the_valid_names()
    {
        var act = () => RecipeCatalog.Create("mixup-magic", ScaleProfile.Smoke);

        act.Should().Throw<InputException>().WithMessage("*mixup-magic*baseline*crop-flip-early-stop*");
    }

    [Fact]
    public void Unknown_scale_is_rejected()
    {
        var act = () => ScaleProfile.Get("galactic");

        act.Should().Throw<InputException>().WithMessage("*galactic*smoke*");
    }
}
