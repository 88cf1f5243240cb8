using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Tests.Data;
using SkiaSharp;

namespace MiaRepro.Tests.Cli;

/// <summary><c>miarepro audit</c> as README's walk-through runs it, on a small image folder the test writes.</summary>
public sealed class AuditCliTests
{
    /// <summary>The README's walk-through: the lines of the code block under "Auditing your own recipe".</summary>
    private static IReadOnlyList<string> WalkThrough()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.FindIndex(readme, l => l == "## Auditing your own recipe");
        var open = Array.FindIndex(readme, start, l => l.StartsWith("```", StringComparison.Ordinal));
        var close = Array.FindIndex(readme, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return [.. readme[(open + 1)..close].Select(l => l.Split('#')[0].Trim())];
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MiaRepro.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("No MiaRepro.sln above the test binaries.");
    }

    private static (int Code, string Output, string Error) Miarepro(string line, string folder, params string[] extra)
    {
        line.Should().StartWith("./miarepro ");
        var info = CliProcess.Command([.. line["./miarepro ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries), .. extra]);
        info.WorkingDirectory = folder;
        return CliProcess.Exec(info);
    }

    [Fact]
    public void The_readme_walk_through_audits_a_recipe_on_an_image_folder_and_answers_in_the_first_line()
    {
        // Given the README's five lines, and a folder of 1,300 training and 100 test images of 8×8 in 4 classes
        var lines = WalkThrough();
        lines.Should().HaveCount(5);
        using var temp = new TempFolder();
        OwnDatasetFiles.WriteImageFolder(Path.Combine(temp.Path, "my-images"), train: 1300, test: 100, size: 8, classes: 4);

        // When line 1 writes the recipe file, line 2's edit names it "mine", and line 3 audits it (at a test's size)
        Miarepro(lines[0], temp.Path).Code.Should().Be(0);
        lines[1].Should().Contain("mine.json");
        var file = Path.Combine(temp.Path, "mine.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"name\": \"crop-flip\"", "\"name\": \"mine\"", StringComparison.Ordinal));
        var (code, output, error) = Miarepro(lines[2], temp.Path, "--models", "6", "--population", "200", "--epochs", "2", "--no-store");

        // Then it prints the verdict and the ε lower bound with its bounds, and line 4's first lines are the verdict
        code.Should().Be(0, error);
        output.Should().MatchRegex("mine (against the baseline|lowers|raises)");
        output.Should().Contain("test-accuracy cost").And.Contain("mine: ε ≥").And.Contain("95% Clopper–Pearson").And.Contain("member scores");
        lines[3].Should().Be("head -3 audit/audit.md");
        var audit = File.ReadAllLines(Path.Combine(temp.Path, "audit", "audit.md"));
        audit[0].Should().StartWith("**mine").And.Contain("test-accuracy cost").And.EndWith(".**");
        audit.Should().Contain(l => l.StartsWith("| mine |", StringComparison.Ordinal), "the ε table has a row per recipe");
        File.Exists(Path.Combine(temp.Path, "audit", "run", "results.json")).Should().BeTrue();
        File.Exists(Path.Combine(temp.Path, "audit", "audit.json")).Should().BeTrue();

        // and line 5's picture is a PNG of two rows of enlarged examples
        lines[4].Should().EndWith("audit/leaking/mine.png");
        using var png = SKBitmap.Decode(Path.Combine(temp.Path, "audit", "leaking", "mine.png"));
        png.Should().NotBeNull();
        png.Width.Should().BeGreaterThan(12 * 96);
        png.Height.Should().BeGreaterThan(2 * 96);
    }

    [Fact]
    public void An_audit_without_a_recipe_to_audit_or_with_an_impossible_delta_exits_2()
    {
        using var temp = new TempFolder();

        var alone = CliRunner.Run("audit", "--recipes", "baseline", "--out", temp.File("a"));
        var delta = CliRunner.Run("audit", "--recipes", "crop-flip", "--delta", "2", "--out", temp.File("b"));

        alone.Code.Should().Be(ExitCodes.BadInput);
        alone.Error.Should().Contain("--recipes baseline: an audit compares recipes with the baseline");
        delta.Code.Should().Be(ExitCodes.BadInput);
        delta.Error.Should().Contain("--delta 2: δ lies strictly between 0 and 1");
    }
}
