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
        RecipeCatalog.Create("baseline", ScaleProfile.Smoke).Hash.Should().Be("898d948a8f1a8283");
        RecipeCatalog.Create("all", ScaleProfile.Smoke).Hash.Should().Be("178c53ef1edc4544");
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
    public void Paper_grid_has_fourteen_recipes_seven_pipelines_each_with_and_without_early_stopping()
    {
        var grid = RecipeCatalog.PaperGrid.Select(n => RecipeCatalog.Create(n, ScaleProfile.Smoke)).ToList();

        grid.Should().HaveCount(14);
        grid.Select(r => r.Hash).Should().OnlyHaveUniqueItems();
        grid.Count(r => r.EarlyStopping is null).Should().Be(7);
        var pipelines = grid.GroupBy(r => r.Augmentation.ToString()).ToList();
        pipelines.Should().HaveCount(7).And.OnlyContain(g => g.Count() == 2 && g.Count(r => r.EarlyStopping != null) == 1);
        pipelines.Select(g => g.Key).Should().BeEquivalentTo(
            "none", "flip", "crop", "crop+flip", "crop+flip+cutout", "crop+flip+autoaugment", "crop+flip+autoaugment+cutout");
        RecipeCatalog.PaperGrid.Should().Contain(["baseline", "early-stop", "crop-flip-early-stop", "cutout", "autoaugment", "all"]);
    }

    [Fact]
    public void Every_named_recipe_builds_and_has_its_own_hash()
    {
        var recipes = RecipeCatalog.Names.Select(n => RecipeCatalog.Create(n, ScaleProfile.Smoke)).ToList();

        recipes.Should().HaveCountGreaterThanOrEqualTo(20);
        recipes.Select(r => r.Hash).Should().OnlyHaveUniqueItems();
        recipes.Single(r => r.Name == "label-smoothing").LabelSmoothing.Should().Be(ScaleProfile.Smoke.LabelSmoothing);
        recipes.Single(r => r.Name == "mixup").Augmentation.Steps[^1].Should().BeOfType<MixUpStep>();
    }

    [Fact]
    public void Grid_alias_expands_to_the_paper_grid_among_other_names()
    {
        RecipeCatalog.Parse("mixup, grid").Should().Equal(["mixup", .. RecipeCatalog.PaperGrid]);
    }

    [Fact]
    public void Recipe_hash_covers_the_augmentation_steps_and_their_parameters()
    {
        var cutout = RecipeCatalog.Create("cutout", ScaleProfile.Smoke);

        var bigger = cutout with { Augmentation = new Augmentation([new CropStep(2), new FlipStep(), new CutoutStep(9)]) };
        var reordered = cutout with { Augmentation = new Augmentation([new FlipStep(), new CropStep(2), new CutoutStep(8)]) };

        bigger.Hash.Should().NotBe(cutout.Hash);
        reordered.Hash.Should().NotBe(cutout.Hash);
        (cutout with { EarlyStopping = new EarlyStopping(5, 0, true, StopMonitor.ValidationLoss) }).Hash
            .Should().NotBe(RecipeCatalog.Create("cutout-early-stop", ScaleProfile.Smoke).Hash);
    }

    [Fact]
    public void A_mixing_step_must_be_the_last_and_only_one()
    {
        var act = () => new Augmentation([new MixUpStep(), new FlipStep()]);
        var twice = () => new Augmentation([new MixUpStep(), new CutMixStep()]);

        act.Should().Throw<ArgumentException>().WithMessage("*mixup*flip*last*");
        twice.Should().Throw<ArgumentException>();
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
