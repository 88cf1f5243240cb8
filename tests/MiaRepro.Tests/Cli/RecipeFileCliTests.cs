using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Recipes;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Cli;

/// <summary><c>--recipe-file</c> and <c>miarepro recipes</c> from the command line, as a user runs them.</summary>
public sealed class RecipeFileCliTests
{
    [Fact]
    public void A_recipe_file_equal_to_crop_flip_reuses_crop_flips_stored_models()
    {
        // Given a small dataset, and a store holding crop-flip's models from a first run
        using var temp = new TempFolder();
        var data = DataFiles.WriteSmallIdxDataset(Path.Combine(temp.Path, "data"), seed: 3);
        var store = Path.Combine(temp.Path, "store");
        string[] Args(string outDir, params string[] extra) =>
        [
            "reproduce", "--data-dir", data, "--models", "4", "--population", "200", "--epochs", "2", "--threads", "2",
            "--store", store, "--out", Path.Combine(temp.Path, outDir), .. extra,
        ];
        CliProcess.Run(Args("first", "--recipes", "baseline,crop-flip"));

        // and a recipe file naming only crop-flip's steps, under a name of its own
        var file = temp.File("mine.json");
        File.WriteAllText(file, $$"""
            { "format": "{{RecipeFile.Format}}",
              "recipes": [ { "name": "my-crop-flip", "augmentation": [ { "step": "crop" }, { "step": "flip" } ] } ] }
            """);

        // When a run adds the file's recipe to the baseline
        var output = CliProcess.Run(Args("second", "--recipes", "baseline", "--recipe-file", file));

        // Then the file's recipe trained nothing: its models are crop-flip's
        output.Should().Contain("my-crop-flip 0 trained, 4 reused");
        var results = CliProcess.Results(Path.Combine(temp.Path, "second"))["recipes"]!;
        var first = CliProcess.Results(Path.Combine(temp.Path, "first"))["recipes"]!;
        results["my-crop-flip"]!["recipe_hash"]!.GetValue<string>().Should().Be(first["crop-flip"]!["recipe_hash"]!.GetValue<string>());
        results.AsObject().Select(r => r.Key).Should().Equal("baseline", "my-crop-flip");
    }

    [Fact]
    public void A_recipe_file_with_a_typo_exits_2_naming_the_file_and_the_key_before_anything_runs()
    {
        // Given a file whose step misspells its parameter
        using var temp = new TempFolder();
        var file = temp.File("typo.json");
        File.WriteAllText(file, $$"""{ "format": "{{RecipeFile.Format}}", "recipes": [ { "name": "x", "augmentation": [ { "step": "crop", "paddng": 2 } ] } ] }""");

        // When reproduce, stability and bench train are given it
        var runs = new[]
        {
            CliRunner.Run("reproduce", "--recipe-file", file, "--out", temp.File("out")),
            CliRunner.Run("stability", "--recipe-file", file, "--out", temp.File("stability")),
            CliRunner.Run("bench", "train", "--recipe-file", file),
        };

        // Then each exits 2 naming the file, the key and the valid keys
        foreach (var (code, error) in runs)
        {
            code.Should().Be(ExitCodes.BadInput);
            error.Should().Contain(file).And.Contain("recipes[0].augmentation[0].paddng").And.Contain("Valid keys here: step, padding").And.NotContain("   at ");
        }

        Directory.Exists(temp.File("out")).Should().BeFalse();
    }

    [Fact]
    public void A_file_recipe_with_a_built_in_name_but_other_settings_exits_2_under_recipe_file()
    {
        using var temp = new TempFolder();
        var file = temp.File("clash.json");
        File.WriteAllText(file, $$"""{ "format": "{{RecipeFile.Format}}", "recipes": [ { "name": "crop-flip", "epochs": 3 } ] }""");

        var (code, error) = CliRunner.Run("reproduce", "--recipe-file", file, "--out", temp.File("out"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--recipe-file: the recipe 'crop-flip' has a built-in recipe's name but other settings");
    }

    [Fact]
    public void Recipes_lists_the_built_ins_and_writes_any_of_them_as_a_file_that_reads_back_as_it()
    {
        // Given
        using var temp = new TempFolder();
        var file = temp.File("start.json");

        // When
        var listed = CliProcess.Run(["recipes"]);
        var written = CliProcess.Run(["recipes", "--write", "crop-flip-early-stop,mixup", "--out", file]);
        var (unknownCode, unknownError) = CliRunner.Run("recipes", "--write", "crop-flop");

        // Then the list shows every recipe with its hash, and the file holds the recipes themselves
        foreach (var name in RecipeCatalog.Names)
        {
            listed.Should().Contain(RecipeCatalog.Create(name, ScaleProfile.Smoke).Hash, name);
        }

        written.Should().Contain("Wrote 2 recipes");
        RecipeFile.Read(file, ScaleProfile.Smoke).Should().Equal(
            RecipeCatalog.Create("crop-flip-early-stop", ScaleProfile.Smoke), RecipeCatalog.Create("mixup", ScaleProfile.Smoke));
        unknownCode.Should().Be(ExitCodes.BadInput);
        unknownError.Should().Contain("unknown recipe 'crop-flop'");
    }
}
