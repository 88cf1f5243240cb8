using FluentAssertions;
using MiaRepro.Augmentations;
using MiaRepro.Recipes;
using MiaRepro.Results;

namespace MiaRepro.Tests.Recipes;

public sealed class RecipeFileTests
{
    private const string File = "my-recipes.json";

    private static IReadOnlyList<Recipe> Parse(string recipes, ScaleProfile? scale = null) =>
        RecipeFile.Parse($$"""{ "format": "{{RecipeFile.Format}}", "recipes": [ {{recipes}} ] }""", File, scale ?? ScaleProfile.Smoke);

    private static string ProblemOf(string recipes)
    {
        var act = () => Parse(recipes);
        return act.Should().Throw<InputException>().Which.Message;
    }

    [Fact]
    public void Every_built_in_recipe_written_as_a_file_reads_back_as_the_same_recipe_at_every_scale()
    {
        foreach (var scale in ScaleProfile.All)
        {
            // Given every built-in recipe at the scale, written out
            var builtIns = RecipeCatalog.Names.Select(n => RecipeCatalog.Create(n, scale)).ToList();

            // When read back
            var read = RecipeFile.Parse(RecipeFile.Write(builtIns), File, scale);

            // Then each is the same value, so the same hash (the store's key)
            read.Should().Equal(builtIns);
            read.Select(r => r.Hash).Should().Equal(builtIns.Select(r => r.Hash));
        }
    }

    [Fact]
    public void A_file_recipe_that_names_only_its_steps_takes_the_rest_from_the_scale_and_hashes_as_the_built_in()
    {
        // Given crop and flip without parameters, under another name
        var mine = Parse("""{ "name": "my-crop-flip", "augmentation": [ { "step": "crop" }, { "step": "flip" } ] }""").Single();

        // Then it is crop-flip at both scales but for the name
        mine.Hash.Should().Be(RecipeCatalog.Create("crop-flip", ScaleProfile.Smoke).Hash);
        Parse("""{ "name": "x", "augmentation": [ { "step": "crop" }, { "step": "flip" } ] }""", ScaleProfile.Paper).Single().Hash
            .Should().Be(RecipeCatalog.Create("crop-flip", ScaleProfile.Paper).Hash);
        Parse("""{ "name": "stop", "early_stopping": {} }""").Single().Hash.Should().Be(RecipeCatalog.Create("early-stop", ScaleProfile.Smoke).Hash);
    }

    [Fact]
    public void Every_setting_of_a_recipe_can_be_given()
    {
        var r = Parse("""
            {
              "name": "mine", "epochs": 7, "batch_size": 64, "learning_rate": 0.02, "schedule": "constant", "momentum": 0.5, "weight_decay": 0.001, "label_smoothing": 0.1,
              "model": { "architecture": "small-cnn", "width": 8, "depth": 1, "hidden": 32 },
              "augmentation": [ { "step": "randaugment", "ops": 3, "magnitude": 5 }, { "step": "cutout", "size": 4 }, { "step": "mixup", "alpha": 0.4 } ],
              "early_stopping": { "monitor": "validation_loss", "patience": 2, "min_delta": 0.01, "restore_best_weights": false }
            }
            """).Single();

        r.Should().Be(new Recipe(
            "mine", new ModelSpec("small-cnn", 8, 1, 32), 7, 64, 0.02, 0.5, 0.001, 0.1,
            new Augmentation([new RandAugmentStep(3, 5), new CutoutStep(4), new MixUpStep(0.4)]),
            new EarlyStopping(2, 0.01, RestoreBestWeights: false, StopMonitor.ValidationLoss),
            Schedule: LearningRateSchedule.Constant));
    }

    [Fact]
    public void The_cosine_schedule_is_the_default_however_it_is_spelt_and_a_constant_one_is_another_recipe()
    {
        var cropFlip = RecipeCatalog.Create("crop-flip", ScaleProfile.Smoke).Hash;
        string Steps(string schedule) => $$"""{ "name": "x", {{schedule}} "augmentation": [ { "step": "crop" }, { "step": "flip" } ] }""";

        Parse(Steps("\"schedule\": \"cosine\",")).Single().Should().Match<Recipe>(r => r.Schedule == null && r.Hash == cropFlip);
        Parse(Steps("\"schedule\": \"constant\",")).Single().Hash.Should().NotBe(cropFlip);
        ProblemOf(Steps("\"schedule\": \"step\",")).Should().Contain("recipes[0].schedule 'step' is unknown. Valid values: cosine, constant");
        LearningRateSchedule.RateAt(LearningRateSchedule.Constant, 0.05, 70, 100).Should().Be(0.05);
        LearningRateSchedule.RateAt(null, 0.1, 50, 100).Should().BeApproximately(0.05, 1e-12);
    }

    [Fact]
    public void A_misspelt_key_is_refused_naming_the_file_the_key_and_the_valid_keys()
    {
        ProblemOf("""{ "name": "x", "augmentation": [ { "step": "crop", "paddng": 3 } ] }""").Should()
            .Contain(File).And.Contain("recipes[0].augmentation[0].paddng").And.Contain("Valid keys here: step, padding");
        ProblemOf("""{ "name": "x", "epoch": 3 }""").Should().Contain("recipes[0].epoch").And.Contain("epochs, batch_size");
        ProblemOf("""{ "name": "x", "early_stopping": { "patient": 3 } }""").Should()
            .Contain("recipes[0].early_stopping.patient").And.Contain("monitor, patience, min_delta, restore_best_weights");
        var top = () => RecipeFile.Parse($$"""{ "format": "{{RecipeFile.Format}}", "recipe": [] }""", File, ScaleProfile.Smoke);
        top.Should().Throw<InputException>().WithMessage("*the top level.recipe: unknown key 'recipe'. Valid keys here: format, recipes*");
    }

    [Fact]
    public void An_unknown_step_or_monitor_is_refused_with_the_valid_names()
    {
        ProblemOf("""{ "name": "x", "augmentation": [ { "step": "mirror" } ] }""").Should()
            .Contain("recipes[0].augmentation[0].step 'mirror' is unknown").And.Contain(string.Join(", ", RecipeFile.StepNames));
        ProblemOf("""{ "name": "x", "early_stopping": { "monitor": "loss" } }""").Should()
            .Contain("early_stopping.monitor 'loss' is unknown. Valid values: validation_loss, validation_accuracy");
    }

    [Theory]
    [InlineData("""{ "name": "x", "augmentation": [ { "step": "crop", "padding": 0 } ] }""", "padding is 0; expected an integer from 1 to 16")]
    [InlineData("""{ "name": "x", "augmentation": [ { "step": "crop", "padding": 2.5 } ] }""", "padding is 2.5; expected an integer from 1 to 16")]
    [InlineData("""{ "name": "x", "augmentation": [ { "step": "randaugment", "magnitude": 31 } ] }""", "magnitude is 31; expected an integer from 0 to 30")]
    [InlineData("""{ "name": "x", "augmentation": [ { "step": "augmix", "depth": 0 } ] }""", "depth is 0; expected −1")]
    [InlineData("""{ "name": "x", "augmentation": [ { "step": "mixup", "alpha": 0 } ] }""", "alpha is 0; expected a number > 0 and ≤ 100")]
    [InlineData("""{ "name": "x", "momentum": 1 }""", "momentum is 1; expected a number ≥ 0 and < 1")]
    [InlineData("""{ "name": "x", "label_smoothing": -0.1 }""", "label_smoothing is -0.1; expected a number ≥ 0 and < 1")]
    [InlineData("""{ "name": "x", "learning_rate": "fast" }""", "learning_rate is \"fast\"; expected a number > 0")]
    [InlineData("""{ "name": "x", "epochs": 0 }""", "epochs is 0; expected an integer from 1 to 100000")]
    [InlineData("""{ "name": "x", "early_stopping": { "patience": 0 } }""", "patience is 0; expected an integer from 1")]
    [InlineData("""{ "name": "x", "early_stopping": { "restore_best_weights": "yes" } }""", "restore_best_weights is \"yes\"; expected true or false")]
    [InlineData("""{ "name": "x", "model": { "architecture": "resnet", "width": 64, "depth": 20 } }""", "ResNet depth 20: valid depths are 18 and 34")]
    [InlineData("""{ "name": "Big Recipe" }""", "'Big Recipe' is not a recipe name")]
    [InlineData("""{ "name": "evil\n" }""", "is not a recipe name")]
    [InlineData("""{ "augmentation": [] }""", "recipes[0].name is missing")]
    [InlineData("""{ "name": "x", "augmentation": [ { "step": "mixup" }, { "step": "flip" } ] }""", "a batch-mixing step (mixup, cutmix) comes last")]
    [InlineData("""{ "name": "x", "augmentation": { "step": "flip" } }""", "augmentation is an object; expected a list")]
    [InlineData("""{ "name": "x" }, { "name": "x" }""", "the name 'x' is given to 2 recipes")]
    [InlineData("""{ "name": "x", "epochs": 3, "epochs": 30 }""", "is not valid JSON")]
    [InlineData("""{ "name": "x", "model": { "architecture": "small-cnn", "width": 512, "depth": 2, "hidden": 65536 } }""", "parameters on any image, more than MiaRepro trains (50,000,000)")]
    [InlineData("""{ "name": "x", "model": { "architecture": "resnet", "width": 4096, "depth": 18 } }""", "parameters on any image")]
    public void An_out_of_range_or_malformed_setting_is_refused_naming_the_file_the_key_and_the_range(string recipes, string problem) =>
        ProblemOf(recipes).Should().Contain(File).And.Contain(problem);

    [Fact]
    public void A_file_beyond_its_limits_is_refused_before_its_recipes_are_read()
    {
        // Given a recipe of 33 steps, a file of 257 recipes, and a file text over 1 MiB (once: 8M steps, a quadratic check that did not end)
        var steps = string.Join(", ", Enumerable.Repeat("""{ "step": "flip" }""", RecipeFile.MaxSteps + 1));
        var recipes = string.Join(", ", Enumerable.Range(0, RecipeFile.MaxRecipes + 1).Select(i => $$"""{ "name": "r{{i}}" }"""));
        var text = new string(' ', (int)RecipeFile.MaxBytes) + "{}";

        ProblemOf($$"""{ "name": "x", "augmentation": [ {{steps}} ] }""").Should().Contain("augmentation has 33 steps, more than a recipe may (32)");
        ProblemOf(recipes).Should().Contain("recipes holds 257 recipes, more than a run trains (256)");
        var large = () => RecipeFile.Parse(text, File, ScaleProfile.Smoke);
        large.Should().Throw<InputException>().WithMessage($"*{File} has 1,048,578 characters, more than a recipe file may (1,048,576)*");
    }

    [Fact]
    public void A_file_that_is_not_a_recipe_file_is_refused_naming_it()
    {
        var notJson = () => RecipeFile.Parse("{ recipes: ", File, ScaleProfile.Smoke);
        var otherFormat = () => RecipeFile.Parse("""{ "format": "v0", "recipes": [ { "name": "x" } ] }""", File, ScaleProfile.Smoke);
        var empty = () => RecipeFile.Parse($$"""{ "format": "{{RecipeFile.Format}}", "recipes": [] }""", File, ScaleProfile.Smoke);
        var missing = () => RecipeFile.Read(Path.Combine(Path.GetTempPath(), "no-such-recipes.json"), ScaleProfile.Smoke);

        notJson.Should().Throw<InputException>().WithMessage($"Recipe file {File} is not valid JSON*");
        otherFormat.Should().Throw<InputException>().WithMessage($"*format is 'v0'; this MiaRepro reads \"{RecipeFile.Format}\"*");
        empty.Should().Throw<InputException>().WithMessage("*recipes is empty*");
        missing.Should().Throw<InputException>().WithMessage("*no-such-recipes.json cannot be read*");
    }

    [Fact]
    public void A_run_refuses_a_file_recipe_that_takes_a_built_in_name_with_other_settings_and_accepts_one_equal_to_it()
    {
        // Given a run of the smoke scale's recipes plus a file's
        var scale = ScaleProfile.Smoke;
        RunSettings With(params Recipe[] fromFiles) =>
            new RunSettings(scale, scale.Dataset, null, "cpu", [.. scale.Recipes, .. fromFiles.Select(r => r.Name).Where(n => !scale.Recipes.Contains(n)).Distinct()], 0, "out", 1)
            { FileRecipes = fromFiles };
        var cropFlip = RecipeCatalog.Create("crop-flip", scale);

        // Then a recipe named crop-flip with other settings is a problem of the recipe files; an equal one is not
        With(cropFlip with { Epochs = 3 }).Problems().Should().ContainSingle(p => p.Setting == Setting.RecipeFiles)
            .Which.Message.Should().Contain("'crop-flip' has a built-in recipe's name but other settings");
        With(cropFlip).Problems().Should().NotContain(p => p.Setting == Setting.RecipeFiles);

        // and one name defined twice differently is refused; a file recipe of its own name runs as its recipe
        With(cropFlip with { Name = "mine" }, cropFlip with { Name = "mine", Epochs = 3 }).Problems().Should()
            .ContainSingle(p => p.Setting == Setting.RecipeFiles).Which.Message.Should().Contain("'mine' is defined twice");
        var run = With(cropFlip with { Name = "mine" });
        run.Problems().Should().NotContain(p => p.Setting == Setting.RecipeFiles || p.Setting == Setting.Recipes);
        run.RecipeNamed("mine").Hash.Should().Be(cropFlip.Hash);
    }
}
