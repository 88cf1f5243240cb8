using System.Text.Json.Nodes;
using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Reports;
using MiaRepro.Reports.Plots;
using MiaRepro.Reports.Text;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Tests.Attacks;
using MiaRepro.Tests.Populations;

namespace MiaRepro.Tests.Reports;

/// <summary><c>report.md</c>, <c>plots/*.png</c> and <c>results.json</c> as a reader gets them, from a run that trained nothing.</summary>
public sealed class ReportOutputTests : IDisposable
{
    private static readonly string[] s_plots =
        ["plots/roc-baseline.png", "plots/roc-crop-flip-early-stop.png", "plots/roc-lira-by-recipe.png", "plots/tpr-vs-gap.png"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_writes_every_plot_as_a_real_png_and_the_report_embeds_each()
    {
        // Given
        var result = SyntheticRun.Create(_folder.Path);

        // When
        var warnings = OutputWriter.Write(result, _folder.Path);

        // Then
        warnings.Should().BeEmpty();
        var report = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        foreach (var plot in s_plots)
        {
            var png = PngImage.Read(Path.Combine(_folder.Path, plot));
            png.HasSignature.Should().BeTrue(plot);
            (png.Width, png.Height).Should().Be((ScottPlotRenderer.Width, ScottPlotRenderer.Height), plot);
            png.DistinctColours.Should().BeGreaterThan(50, plot);
            png.NonWhiteFraction.Should().BeGreaterThan(0.02, plot);
            report.Should().Contain($"]({plot})", "the report embeds every plot");
        }

        report.Should().Contain("*Figure 4.*");
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Path, "results.json")))!;
        results["plots"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal(s_plots);
        results["warnings"]!.AsArray().Should().BeEmpty();
        results["stage_seconds"]!.AsObject().Select(s => s.Key).Should().Contain(["train", "report:plots"]);
        Directory.GetFiles(Path.Combine(_folder.Path, "plots")).Should().HaveCount(s_plots.Length, "no temporary file is left behind");
    }

    [Fact]
    public void The_report_and_results_json_show_each_claim_under_every_attack_of_the_sensitivity_table()
    {
        // Given the synthetic run's populations analysed as a reproduction does (claims C0 and C5 apply: C3 needs each technique alone too)
        var run = SyntheticRun.Create(_folder.Path);
        var analysis = Reproduction.Analyse(
            run.Recipes.ToDictionary(r => r.Key, r => r.Value.Trained), run.Settings.Scale, SyntheticRun.Replicates, run.Settings.BootstrapSeed);
        var result = run with { Recipes = analysis.Outcomes, Claims = analysis.Claims, Sensitivity = analysis.Sensitivity };

        // When its outputs are written
        OutputWriter.Write(result, _folder.Path);

        // Then report.md has the table, one column per attack, the registered one marked, one row per claim
        var report = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        report.Should().Contain("## Sensitivity to the attack")
            .And.Contain("| claim | lira-online-global (miarepro) ★ | lira-online-global-reference (reference) | lira-online-global-leakpro (leakpro) | rmia-online (rmia) |");
        var c5 = analysis.Sensitivity[1].Claims.Single(c => c.Id == "C5");
        c5.Effect.Should().NotBeNull("C5 is measurable on this run (C0 needs 10,000 non-members per target)");
        report.Should().MatchRegex(@"\| C5 \| [^\n|]+ \| " + System.Text.RegularExpressions.Regex.Escape(
            FormattableString.Invariant($"{c5.Effect:0.##} [{c5.Ci95![0]:0.##}, {c5.Ci95[1]:0.##}] {c5.Verdict.ToString().ToLowerInvariant()} |")));

        // And results.json holds the same, per attack and claim
        var sensitivity = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Path, "results.json")))!["sensitivity"]!.AsArray();
        sensitivity.Select(r => r!["attack"]!.GetValue<string>()).Should().Equal(
            "lira-online-global", "lira-online-global-reference", "lira-online-global-leakpro", "rmia-online");
        sensitivity[0]!["registered"]!.GetValue<bool>().Should().BeTrue();
        var reference = sensitivity[1]!["claims"]!.AsArray();
        reference.Select(c => c!["id"]!.GetValue<string>()).Should().Equal("C0", "C5");
        reference[1]!["effect"]!.GetValue<double>().Should().Be(c5.Effect!.Value);
        reference[1]!["verdict"]!.GetValue<string>().Should().Be(c5.Verdict.ToString().ToLowerInvariant());
    }

    [Fact]
    public void The_report_has_the_reduction_factors_of_every_recipe_with_the_paired_bootstrap_of_the_claims()
    {
        // Given
        var result = SyntheticRun.Create(_folder.Path);
        var baseline = result.Recipes["baseline"];
        var combined = result.Recipes["crop-flip-early-stop"];
        var attack = result.Settings.Scale.LiraAttack;
        var population = baseline.Trained.Population;
        var expected = PairedBootstrap.Compare(
            baseline.Attacks[attack].Scores, combined.Attacks[attack].Scores, population.Keep, population.Models, population.Examples,
            m => m.Tpr(0.01), SyntheticRun.Replicates, (ulong)result.Settings.BootstrapSeed);

        // When
        OutputWriter.Write(result, _folder.Path);

        // Then
        var report = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        report.Should().Contain($"## Reduction factors against baseline ({attack})")
            .And.Contain("| recipe | TPR@0.1% FPR, baseline → recipe | factor at 0.1% | 95% CI | TPR@1% FPR, baseline → recipe | factor at 1% | 95% CI |")
            .And.Contain($"**{NumberText.FormatFactor(expected.Ratio)}** | [{NumberText.FormatFactor(expected.RatioCi95.Lower)}, {NumberText.FormatFactor(expected.RatioCi95.Upper)}]");
        report.Should().Contain("not measured: needs ≥ 10000 non-members", "1,600 non-members cannot measure TPR at 0.1% FPR");
        var reduction = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Path, "results.json")))!["reductions"]!;
        reduction["attack"]!.GetValue<string>().Should().Be(attack);
        var atOnePercent = reduction["recipes"]!["crop-flip-early-stop"]!["0.01"]!;
        atOnePercent["factor"]!.GetValue<double>().Should().Be(expected.Ratio);
        atOnePercent["ci95"]!.AsArray().Select(v => v!.GetValue<double>()).Should().Equal(expected.RatioCi95.Lower, expected.RatioCi95.Upper);
        reduction["recipes"]!["crop-flip-early-stop"]!["0.001"]!["factor"].Should().BeNull();
    }

    [Fact]
    public void The_report_says_where_its_numbers_came_from()
    {
        var result = SyntheticRun.Create(_folder.Path);

        OutputWriter.Write(result, _folder.Path);

        var report = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        var s = result.Settings;
        report.Should().Contain($"| seeds | master {s.Seed}, keep 11, split 12, bootstrap {s.BootstrapSeed} ")
            .And.Contain($"baseline `{result.Recipes["baseline"].Trained.Recipe.Hash}`")
            .And.Contain("| device | cpu, 2 threads |")
            .And.Contain($"TorchSharp {RunVersions.Current.TorchSharp}, .NET {RunVersions.Current.DotNet}")
            .And.Contain("- report:plots:")
            .And.Contain("### crop-flip-early-stop");
    }

    [Fact]
    public void The_gap_figure_says_which_fpr_every_target_can_measure_and_why()
    {
        // Given 200 non-members per target: TPR at 0.1% and 1% FPR are null for each target alone
        var result = SyntheticRun.Create(_folder.Path);

        // When
        var figures = ReportFigures.For(result);

        // Then
        var gap = figures.Figures.OfType<GapFigure>().Should().ContainSingle().Subject;
        gap.Fpr.Should().Be(0.1);
        gap.Caption.Should().Contain("not the paper's 0.1%").And.Contain("10,000 non-members per target");
        gap.Series.Select(s => s.Points.Count).Should().Equal(SyntheticRun.Models, SyntheticRun.Models);
        gap.Series[0].Points.Should().OnlyContain(p => p.Gap > 0.17, "each model's own train − test accuracy");
        figures.NotDrawn.Should().BeEmpty();
    }

    [Fact]
    public void A_failing_renderer_still_writes_the_results_and_warns_in_report_and_json()
    {
        // Given
        var result = SyntheticRun.Create(_folder.Path);

        // When
        var warnings = OutputWriter.Write(result, _folder.Path, new ThrowingRenderer());

        // Then
        warnings.Should().HaveCount(s_plots.Length);
        File.Exists(Path.Combine(_folder.Path, "results.json")).Should().BeTrue();
        Directory.Exists(Path.Combine(_folder.Path, "plots")).Should().BeFalse();
        var report = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        report.Should().Contain("> **Warning:** plots/roc-baseline.png was not drawn: TypeInitializationException: Unable to load shared library 'libSkiaSharp'");
        report.Should().NotContain("](plots/", "a plot that was not drawn is not embedded");
        report.Should().Contain("## Claims").And.Contain("## Reduction factors");
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Path, "results.json")))!;
        results["warnings"]!.AsArray().Should().HaveCount(s_plots.Length);
        results["plots"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void An_attacked_folder_gets_its_roc_plot_and_without_accuracies_says_why_there_is_no_gap_plot()
    {
        // Given a population folder another tool wrote, without models.json
        var dir = Path.Combine(_folder.Path, "their-recipe");
        PopulationFiles.Write(dir, SyntheticPopulation.Gaussian(models: 8, examples: 300, queries: 2, shift: 1.5, seed: 4));
        var folder = PopulationFolder.Read(dir);
        var suite = AttackSuite.Run(folder.Population);
        var outDir = Path.Combine(_folder.Path, "out");

        // When
        var warnings = OutputWriter.Write(new AttackRun(folder, suite, null), outDir);

        // Then
        warnings.Should().BeEmpty();
        PngImage.Read(Path.Combine(outDir, "plots", "roc-their-recipe.png")).HasSignature.Should().BeTrue();
        var report = File.ReadAllText(Path.Combine(outDir, "report.md"));
        report.Should().Contain("![ROC of every attack: their-recipe](plots/roc-their-recipe.png)")
            .And.Contain("*Not drawn:* `plots/tpr-vs-gap.png`: no model's train and test accuracy is known");
    }

    [Theory]
    [InlineData("baseline", "roc-baseline.png")]
    [InlineData("my recipe/v2", "roc-my-recipe-v2.png")]
    public void Plot_names_are_safe_in_a_file_name_and_a_markdown_link(string recipe, string expected) =>
        ReportFigures.RocFileName(recipe).Should().Be(expected);
}
