using System.Text.RegularExpressions;
using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Runs.Sharding;
using MiaRepro.Store;

namespace MiaRepro.Tests.Cli;

/// <summary>
/// <c>miarepro sweep</c> and <c>miarepro merge</c> reject bad usage with exit code 2 and a message naming the option or
/// the shard's folder and the fix — before any data is loaded or model trained.
/// </summary>
[Collection(nameof(SerialConsole))]
public sealed class SweepCliTests : IDisposable
{
    private static readonly string[] s_recipes = ["baseline", "crop-flip-early-stop"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Folder(string name) => Path.Combine(_folder.Path, name);

    [Theory]
    [InlineData("0/2", "shards are numbered from 1")]
    [InlineData("3/2", "outside 1…2")]
    [InlineData("1-2", "is not i/n")]
    [InlineData("1/0", "at least 1 shard")]
    public void Sweep_with_a_bad_shard_exits_with_code_2(string shard, string reason)
    {
        var (code, error) = Run("sweep", "--shard", shard, "--out", Folder("shard"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--shard").And.Contain(reason);
        Directory.Exists(Folder("shard")).Should().BeFalse("nothing runs after bad usage");
    }

    [Fact]
    public void Sweep_without_shard_or_out_exits_with_code_2()
    {
        var noShard = Run("sweep", "--out", Folder("shard"));
        var noOut = Run("sweep", "--shard", "1/2");

        noShard.Code.Should().Be(ExitCodes.BadInput);
        noShard.Error.Should().Contain("--shard: is required: write i/n");
        noOut.Code.Should().Be(ExitCodes.BadInput);
        noOut.Error.Should().Contain("--out: is required: the shard's folder");
    }

    [Fact]
    public void Sweep_with_more_shards_than_models_exits_with_code_2()
    {
        var (code, error) = Run("sweep", "--recipes", "baseline", "--models", "4", "--shard", "1/5", "--out", Folder("shard"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--shard 1/5").And.Contain("at most 4 shards");
    }

    [Fact]
    public void Merge_with_a_shard_missing_exits_with_code_2_naming_the_shard_to_train()
    {
        // Given shards 1 and 3 of 3
        WriteShard("s1", 1, 3);
        WriteShard("s3", 3, 3);

        // When they are merged
        var (code, error) = Merge("s1", "s3");

        // Then
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--shard 2/3: is missing").And.Contain("miarepro sweep");
    }

    [Fact]
    public void Merge_of_shards_with_another_seed_exits_with_code_2_naming_the_shard_and_the_setting()
    {
        WriteShard("s1", 1, 2, seed: 5);
        WriteShard("s2", 2, 2, seed: 6);

        var (code, error) = Merge("s1", "s2");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(Folder("s2")).And.Contain("seed 6 (not 5)");
    }

    [Fact]
    public void Merge_of_a_folder_without_a_manifest_exits_with_code_2_naming_it()
    {
        WriteShard("s1", 1, 2);
        Directory.CreateDirectory(Folder("unfinished"));

        var (code, error) = Merge("s1", "unfinished");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(Folder("unfinished")).And.Contain("no shard.json");
    }

    [Fact]
    public void Merge_of_one_shard_twice_or_of_a_tampered_share_exits_with_code_2()
    {
        // Given shard 1 named twice, and a "shard 2" that holds shard 1's models
        WriteShard("s1", 1, 2);
        WriteShard("s2", 2, 2, sharesOf: 1);

        // When
        var (twiceCode, twice) = Merge("s1", "s1");
        var (tamperedCode, tampered) = Merge("s1", "s2");

        // Then
        twiceCode.Should().Be(ExitCodes.BadInput);
        twice.Should().Contain("each is shard 1/2");
        tamperedCode.Should().Be(ExitCodes.BadInput);
        tampered.Should().Contain(Folder("s2")).And.Contain("are not shard 2/2's share");
    }

    [Fact]
    public void Merge_of_shards_whose_recipes_hash_differently_here_exits_with_code_2()
    {
        // Given a whole sweep whose recipe hashes this build does not produce (another MiaRepro version)
        WriteShard("s1", 1, 2);
        WriteShard("s2", 2, 2);

        var (code, error) = Merge("s2", "s1");

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("recipe 'baseline' hashes to").And.Contain("MiaRepro version");
    }

    [Theory]
    [InlineData("shards", "2", "100000000")]
    [InlineData("models", "6", "1000000000")]
    public void Merge_of_a_manifest_with_impossible_counts_exits_with_code_2_before_allocating(string field, string value, string tampered)
    {
        // Given a whole sweep whose manifests claim 100,000,000 shards or 1,000,000,000 models (which once grew merge to 24 GB)
        WriteShard("s1", 1, 2);
        WriteShard("s2", 2, 2);
        foreach (var shard in new[] { "s1", "s2" })
        {
            var path = Path.Combine(Folder(shard), ShardManifest.FileName);
            var json = File.ReadAllText(path);
            var pattern = $"\"{field}\":\\s*{value},";
            Regex.IsMatch(json, pattern).Should().BeTrue(json);
            File.WriteAllText(path, Regex.Replace(json, pattern, $"\"{field}\": {tampered},"));
        }

        // When
        var before = GC.GetTotalAllocatedBytes();
        var (code, error) = Merge("s1", "s2");

        // Then it is refused, naming the manifest, having allocated little
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(Path.Combine(Folder("s1"), ShardManifest.FileName)).And.Contain("is inconsistent");
        (GC.GetTotalAllocatedBytes() - before).Should().BeLessThan(100_000_000);
    }

    [Fact]
    public void Merge_of_manifests_claiming_ten_million_shards_of_twenty_million_models_exits_2_at_once()
    {
        // Given a whole sweep whose manifests were edited consistently: 10^7 shards of 2·10^7 models (once 8 GB and an OOM)
        WriteShard("s1", 1, 2);
        WriteShard("s2", 2, 2);
        foreach (var shard in new[] { "s1", "s2" })
        {
            var path = Path.Combine(Folder(shard), ShardManifest.FileName);
            var json = Regex.Replace(File.ReadAllText(path), "\"shards\":\\s*2,", "\"shards\": 10000000,");
            File.WriteAllText(path, Regex.Replace(json, "\"models\":\\s*6,", "\"models\": 20000000,"));
        }

        // When
        var before = GC.GetTotalAllocatedBytes();
        var (code, error) = Merge("s1", "s2");

        // Then one message naming the manifest, little allocated, and no line per missing shard
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(Path.Combine(Folder("s1"), ShardManifest.FileName));
        error.Length.Should().BeLessThan(4_000);
        (GC.GetTotalAllocatedBytes() - before).Should().BeLessThan(100_000_000);
    }

    [Fact]
    public void Merge_names_the_manifest_field_a_bad_value_came_from_not_an_option()
    {
        // Given a whole sweep whose manifests were edited to 0 threads
        WriteShard("s1", 1, 2);
        WriteShard("s2", 2, 2);
        foreach (var shard in new[] { "s1", "s2" })
        {
            var path = Path.Combine(Folder(shard), ShardManifest.FileName);
            File.WriteAllText(path, Regex.Replace(File.ReadAllText(path), "\"threads\":\\s*1", "\"threads\": 0"));
        }

        // When
        var (code, error) = Merge("s1", "s2");

        // Then the message blames shard.json's field, not an option the user never gave
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(Path.Combine(Folder("s1"), ShardManifest.FileName)).And.Contain("shard.json's threads 0").And.NotContain("--threads");
    }

    private (int Code, string Error) Merge(params string[] shards) =>
        Run(["merge", "--out", Folder("merged"), .. shards.Select(Folder)]);

    /// <summary>The command line in-process; its message with Spectre's line wrapping undone.</summary>
    private static (int Code, string Error) Run(params string[] args)
    {
        var (code, error) = CliRunner.Run(args);
        return (code, Regex.Replace(error, @"\s+", " "));
    }

    /// <summary>A shard manifest of two recipes × 6 models (no store: these merges stop before reading models).</summary>
    private void WriteShard(string name, int index, int count, long seed = 5, int? sharesOf = null)
    {
        var settings = new ShardSettings(
            count, "smoke", "fashion-mnist", "fingerprint", "data", 6, 200, 3, seed, 2,
            [.. s_recipes.Select(r => new RecipeHash(r, $"hash-of-{r}"))], "2", "cpu", "cpu:1-threads");
        var models = ShardPlan.Of(new Shard(sharesOf ?? index, count), s_recipes, 6, RunSettings.Profile("smoke", 6, 200, 3).TwinsOf)
            .Select(s => new ShardModel(s.Recipe, s.Model, new ModelKey("data", $"keep-{s.Model}", $"hash-of-{s.Recipe}", s.Model + (s.Twin ? 100 : 0), 2, 2, "2", "cpu:1-threads"), s.Twin))
            .ToList();
        Directory.CreateDirectory(Folder(name));
        new ShardManifest(ShardManifest.CurrentFormat, index, settings, 1, models).Write(Folder(name));
    }
}
