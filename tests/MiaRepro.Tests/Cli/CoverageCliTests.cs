using System.Text.Json.Nodes;
using FluentAssertions;
using MiaRepro.Claims;
using MiaRepro.Tests.Coverage;
using Xunit;

namespace MiaRepro.Tests.Cli;

/// <summary><c>miarepro coverage</c> from the command line: what it writes, and exit code 2 for what it cannot use.</summary>
[Collection(nameof(SerialConsole))]
public sealed class CoverageCliTests
{
    [Fact]
    public void Coverage_of_a_stability_folder_writes_coverage_md_and_json()
    {
        using var temp = new TempFolder();
        var runs = Stability(temp, seeds: 7);
        var outDir = temp.File("coverage");

        var (code, error) = CliRunner.Run("coverage", runs, "--out", outDir);

        code.Should().Be(0, error);
        File.ReadAllText(Path.Combine(outDir, "coverage.md")).Should().Contain("| C1 | crop-flip.auc_difference | AucDifference | 21 |");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "coverage.json")))!;
        json["subsets"]!.GetValue<long>().Should().Be(21, "every 5-subset of 7");
        json["populations"]!.AsArray().Should().HaveCount(7);
    }

    [Fact]
    public void Too_few_populations_a_bad_R_or_a_users_folder_are_exit_code_2()
    {
        using var temp = new TempFolder();
        var runs = Stability(temp, seeds: 5);
        var users = temp.File("mine", "notes.txt");
        File.WriteAllText(users, "mine");

        CliRunner.Run("coverage", runs, "--out", temp.File("c1")).Should().Match<(int Code, string Error)>(r => r.Code == 2 && r.Error.Contains("hold 5 populations"));
        CliRunner.Run("coverage", runs, "--design-replicates", "1", "--out", temp.File("c2")).Code.Should().Be(2);
        CliRunner.Run("coverage", runs, "--design-replicates", "3", "--out", Path.GetDirectoryName(users)!).Code.Should().Be(2);
        File.ReadAllText(users).Should().Be("mine");
        CliRunner.Run("coverage", runs, "--design-replicates", "3", "--out", temp.File("c3")).Code.Should().Be(0);
    }

    private static string Stability(TempFolder temp, int seeds)
    {
        var root = temp.File("stability");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "stability.json"), "{}");
        var rng = new Random(3);
        for (var seed = 0; seed < seeds; seed++)
        {
            var folder = temp.File("stability", $"seed-{seed}", "results.json");
            var (a, b) = (0.05 * Math.Exp(0.2 * (rng.NextDouble() - 0.5)), 0.02 * Math.Exp(0.2 * (rng.NextDouble() - 0.5)));
            var claim = new ClaimResult("C1", "A lowers B.", Verdict.Supported, a / b, [1, 4], 1, "ratio", "because")
            {
                Parts =
                [
                    new ClaimPart("crop-flip.tpr_reduction", "ratio", a / b, [1, 4], 1, Verdict.Supported) { Sides = (a, b) },
                    new ClaimPart("crop-flip.auc_difference", "difference", 0.08 + (0.01 * rng.NextDouble()), [0.07, 0.09], 0, Verdict.Supported) { Ratio = false },
                ],
            };
            ResultsJsonFile.Write(Path.GetDirectoryName(folder)!, seed, claim);
        }

        return root;
    }
}
