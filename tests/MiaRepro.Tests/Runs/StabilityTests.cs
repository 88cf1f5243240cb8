using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Cli;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Tests.Cli;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Runs;

/// <summary><c>miarepro stability</c>: the reproduction at several master seeds, and per claim how often its verdict differs.</summary>
public sealed class StabilityTests
{
    private static ClaimResult Result(Verdict verdict, double effect = 2) =>
        new("C9", "s", verdict, effect, [effect - 1, effect + 1], 1, "m", "r");

    [Fact]
    public void A_claim_is_stable_only_when_every_seed_gives_the_same_verdict()
    {
        // Given one claim supported at every seed, one supported at three of five, one tied between two verdicts
        var same = ClaimStability.Of("C0", [.. new long[] { 1, 2, 3 }.Select(s => (s, Result(Verdict.Supported)))]);
        var split = ClaimStability.Of("C1", [
            (1, Result(Verdict.Supported)), (2, Result(Verdict.Inconclusive)), (3, Result(Verdict.Supported)),
            (4, Result(Verdict.Supported)), (5, Result(Verdict.Inconclusive))]);
        var tie = ClaimStability.Of("C2", [(1, Result(Verdict.Supported)), (2, Result(Verdict.Inconclusive))]);

        // Then
        (same.Verdict, same.Differing, same.Stable).Should().Be((Verdict.Supported, 0, true));
        (split.Verdict, split.Differing, split.Stable).Should().Be((Verdict.Supported, 2, false));
        (tie.Verdict, tie.Differing).Should().Be((Verdict.Inconclusive, 1), "a tie reads as the least favourable verdict");
    }

    [Fact]
    public void Stability_reproduces_each_seed_and_tabulates_every_claim_verdict()
    {
        // Given a tiny dataset
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var labels = Enumerable.Range(0, 1500).Select(i => (byte)((i * 7 + i / 13) % 10)).ToArray();
        DataFiles.WriteIdxSplit(data, "train", labels, 28, 28, gzip: false, seed: 3);
        DataFiles.WriteIdxSplit(data, "t10k", labels[..200], 28, 28, gzip: false, seed: 4);
        var outDir = Path.Combine(temp.Path, "stability");

        // When the smoke recipes are reproduced at two master seeds
        var output = CliProcess.Run([
            "stability", "--data-dir", data, "--models", "4", "--population", "200", "--epochs", "2", "--threads", "1",
            "--seeds", "7,8", "--store", Path.Combine(temp.Path, "store"), "--out", outDir]);

        // Then each seed has its own complete outputs, and the summary holds each seed's verdicts as its results.json
        output.Should().Contain("Verdicts at master seeds 7, 8");
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "stability.json")))!;
        summary["seeds"]!.AsArray().Select(s => s!.GetValue<long>()).Should().Equal(7, 8);
        summary["preregistration"]!["sha256"]!.GetValue<string>().Should().Be(global::MiaRepro.Registration.Preregistration.Current.Sha256);
        var claims = summary["claims"]!.AsArray();
        claims.Select(c => c!["id"]!.GetValue<string>()).Should().Equal("C0", "C1", "C2", "C3a", "C3b", "C4", "C5");
        foreach (var seed in new long[] { 7, 8 })
        {
            var results = CliProcess.Results(Path.Combine(outDir, $"seed-{seed}"));
            results["seed"]!.GetValue<long>().Should().Be(seed);
            foreach (var claim in results["claims"]!.AsArray())
            {
                var row = claims.Single(c => c!["id"]!.GetValue<string>() == claim!["id"]!.GetValue<string>())!["by_seed"]!.AsArray()
                    .Single(b => b!["seed"]!.GetValue<long>() == seed)!;
                row["verdict"]!.GetValue<string>().Should().Be(claim!["verdict"]!.GetValue<string>());
                row["effect"]?.ToJsonString().Should().Be(claim["effect"]?.ToJsonString());
            }
        }

        File.ReadAllText(Path.Combine(outDir, "stability.md")).Should().Contain("| claim | seed 7 | seed 8 | stability |");

        // And run again at other seeds (their models in the store for seed 8), the folder holds that run's seeds only
        CliProcess.Run([
            "stability", "--data-dir", data, "--models", "4", "--population", "200", "--epochs", "2", "--threads", "1",
            "--seeds", "8,9", "--store", Path.Combine(temp.Path, "store"), "--out", outDir]);
        Directory.EnumerateDirectories(outDir).Select(Path.GetFileName).Should().BeEquivalentTo("seed-8", "seed-9");
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        CliProcess.Exec([
            "stability", "--data-dir", data, "--models", "4", "--seeds", "8,9", "--out", outDir]).Code.Should().Be(ExitCodes.BadInput);
    }

    [Theory]
    [InlineData(new[] { "--seeds", "3" }, "at least two different master seeds")]
    [InlineData(new[] { "--seeds", "1,1" }, "at least two different master seeds")]
    [InlineData(new[] { "--seeds", "1,x" }, "'x' is not a master seed")]
    [InlineData(new[] { "--seed", "4" }, "give them as --seeds")]
    public void Bad_seeds_exit_with_code_2_naming_the_option(string[] args, string reason)
    {
        using var temp = new TempFolder();
        var (code, _, error) = CliProcess.Exec(["stability", .. args, "--out", Path.Combine(temp.Path, "s")]);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(reason);
        Directory.Exists(Path.Combine(temp.Path, "s")).Should().BeFalse("nothing runs after bad usage");
    }
}
