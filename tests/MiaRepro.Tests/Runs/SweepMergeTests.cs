using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Tests.Cli;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Runs;

/// <summary>
/// A run swept in shards and merged gives what the unsharded run gives: the real command line as child processes
/// (own torch threads), on a tiny synthetic dataset, two recipes × 6 models.
/// </summary>
public sealed class SweepMergeTests
{
    private static readonly string[] s_files = ["scores.npy", "keep.npy", "labels.npy", "logits.npy"];

    [Fact]
    public void Merging_two_shards_gives_the_results_and_scores_of_the_unsharded_run()
    {
        // Given a tiny dataset and the options of one run
        using var temp = new TempFolder();
        var data = WriteData(temp, "data", seed: 3);
        string[] Args(string command, string outDir, params string[] extra) =>
        [
            command, "--data-dir", data, "--recipes", "baseline,crop-flip-early-stop", "--models", "6", "--population", "200",
            "--epochs", "3", "--threads", "1", "--seed", "5", "--out", Path.Combine(temp.Path, outDir), .. extra,
        ];

        // When the run is made whole, and as shards 1/2 and 2/2 merged (named in reverse order)
        CliProcess.Run(Args("reproduce", "whole", "--no-store"));
        var first = CliProcess.Run(Args("sweep", "shard-1", "--shard", "1/2"));
        CliProcess.Run(Args("sweep", "shard-2", "--shard", "2/2"));
        var merged = CliProcess.Run(
            ["merge", "--data-dir", data, "--out", Path.Combine(temp.Path, "merged"), Path.Combine(temp.Path, "shard-2"), Path.Combine(temp.Path, "shard-1")]);

        // Then each shard trained its half (of 6 + 6 models and crop-flip-early-stop's 4 twins), the merge trained nothing,
        // and the outputs are the unsharded run's
        first.Should().Contain("Shard 1/2: 8 models, 8 trained, 0 already in the shard's store");
        merged.Should().Contain("baseline 6 models; crop-flip-early-stop 6 models and 4 twins from the shards, none trained");
        CliProcess.ScrubbedResults(Path.Combine(temp.Path, "merged")).Should().Be(CliProcess.ScrubbedResults(Path.Combine(temp.Path, "whole")));
        StageNames(Path.Combine(temp.Path, "merged")).Should().Contain(["load:baseline", "load:crop-flip-early-stop"]).And.NotContain(s => s.StartsWith("train:"));
        StageNames(Path.Combine(temp.Path, "whole")).Should().Contain(["train:baseline", "train:crop-flip-early-stop"]);
        foreach (var recipe in new[] { "baseline", "crop-flip-early-stop" })
        {
            foreach (var file in recipe == "baseline" ? s_files : [.. s_files, "twin_scores.npy"])
            {
                File.ReadAllBytes(Path.Combine(temp.Path, "merged", "populations", recipe, file))
                    .Should().Equal(File.ReadAllBytes(Path.Combine(temp.Path, "whole", "populations", recipe, file)), $"{recipe}/{file}");
            }
        }

        // and a shard run again trains nothing
        CliProcess.Run(Args("sweep", "shard-1", "--shard", "1/2")).Should().Contain("Shard 1/2: 8 models, 0 trained, 8 already in the shard's store");

        // and merging against other data, or with a damaged model, is bad input naming the problem
        var other = WriteData(temp, "other-data", seed: 4);
        var shards = new[] { Path.Combine(temp.Path, "shard-1"), Path.Combine(temp.Path, "shard-2") };
        var otherData = CliProcess.Exec(["merge", "--data-dir", other, "--out", Path.Combine(temp.Path, "x"), .. shards]);
        otherData.Code.Should().Be(ExitCodes.BadInput);
        otherData.Error.Should().Contain("The training data differs");

        var logits = Directory.EnumerateFiles(Path.Combine(shards[1], "store", "models"), "logits.npy", SearchOption.AllDirectories).First();
        File.AppendAllText(logits, "damage");
        var damaged = CliProcess.Exec(["merge", "--data-dir", data, "--out", Path.Combine(temp.Path, "x"), .. shards]);
        damaged.Code.Should().Be(ExitCodes.BadInput);
        damaged.Error.Should().Contain(shards[1]).And.Contain("is unusable").And.Contain("--shard 2/2");
        File.Exists(logits).Should().BeTrue("merge reads its shards and changes nothing in them");
    }

    [Fact]
    public void A_sweep_of_a_recipe_files_recipe_merges_without_the_file()
    {
        // Given a recipe file and a sweep of it in one shard
        using var temp = new TempFolder();
        var data = WriteData(temp, "data", seed: 3);
        var file = temp.File("mine.json");
        File.WriteAllText(file, $$"""
            { "format": "{{MiaRepro.Recipes.RecipeFile.Format}}",
              "recipes": [ { "name": "flip-stop", "augmentation": [ { "step": "flip" } ], "early_stopping": { "patience": 1 } } ] }
            """);
        string[] Args(string command, string outDir, params string[] extra) =>
        [
            command, "--data-dir", data, "--recipes", "baseline", "--recipe-file", file, "--models", "4", "--population", "200",
            "--epochs", "2", "--threads", "1", "--seed", "5", "--out", Path.Combine(temp.Path, outDir), .. extra,
        ];
        CliProcess.Run(Args("reproduce", "whole", "--no-store"));
        CliProcess.Run(Args("sweep", "shard", "--shard", "1/1"));
        File.Delete(file);

        // When the shard is merged without the file
        CliProcess.Run(["merge", "--data-dir", data, "--out", Path.Combine(temp.Path, "merged"), Path.Combine(temp.Path, "shard")]);

        // Then shard.json carried the recipe, and the merge is the unsharded run
        File.ReadAllText(Path.Combine(temp.Path, "shard", "shard.json")).Should().Contain("\"name\": \"flip-stop\"").And.Contain("\"patience\": 1");
        CliProcess.ScrubbedResults(Path.Combine(temp.Path, "merged")).Should().Be(CliProcess.ScrubbedResults(Path.Combine(temp.Path, "whole")));
    }

    private static string WriteData(TempFolder temp, string name, int seed) =>
        DataFiles.WriteSmallIdxDataset(Path.Combine(temp.Path, name), seed);

    private static List<string> StageNames(string outDir) =>
        CliProcess.Results(outDir)["stage_seconds"]!.AsObject().Select(s => s.Key).ToList();
}
