using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Reports;
using MiaRepro.Reports.Text;
using MiaRepro.Results;
using MiaRepro.Runs;
using Spectre.Console;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary>The console tables of a finished run (<c>reproduce</c>, <c>merge</c>): recipes and attacks, then the claims.</summary>
public static class RunTables
{
    /// <summary>An attack's cells of the console tables: TPR at 1% and at 0.1% FPR, and the 95% interval of the latter.</summary>
    public static string[] TprCells(AttackOutcome outcome) =>
    [
        NumberText.FormatTpr(outcome.Pooled.Tpr(OperatingPoints.OnePercent)),
        NumberText.FormatTpr(outcome.Pooled.Tpr(OperatingPoints.Headline)),
        Markup.Escape(NumberText.FormatTprInterval(outcome.Ci95?.Tpr(OperatingPoints.Headline))),
    ];

    /// <summary>Writes <paramref name="table"/> (a table of the report, <see cref="TextTable"/>) as a console table titled <paramref name="title"/>.</summary>
    public static void Write(IAnsiConsole console, string title, TextTable table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        var shown = new Table().Title(Markup.Escape(title));
        shown.AddColumns([.. table.Headers.Select(Markup.Escape)]);
        foreach (var row in table.Rows)
        {
            shown.AddRow([.. row.Select(Markup.Escape)]);
        }

        console.Write(shown);
    }

    /// <summary>One line that says what a run is: scale, dataset, recipes, models × examples, epochs, seed, threads (escaped for markup).</summary>
    public static string Describe(RunSettings run, bool withSeed = true) =>
        Markup.Escape(Invariant($"{run.Scale.Name} scale: {run.Dataset}, recipes {string.Join(", ", run.Recipes)}, {run.Scale.Models} models × {run.Scale.Population} examples, {run.Scale.Epochs} epochs, {(withSeed ? $"seed {run.Seed}, " : string.Empty)}{run.Threads} threads, {run.CpuKernels} CPU kernels"));

    /// <summary>The closing line of a run that wrote its outputs under <paramref name="outDir"/>.</summary>
    public static string Wrote(string outDir, TimeSpan elapsed) =>
        Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(outDir, "results.json"))}[/], report.md, plots/ and populations/ in {elapsed.TotalSeconds:0} s.");

    /// <summary>Plots that failed to render: the run still wrote its results, and says so.</summary>
    public static void PrintWarnings(IAnsiConsole console, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(warning)}");
        }
    }

    /// <summary>Every recipe's accuracies and attacks (pooled over leave-one-out targets), then every claim's verdict.</summary>
    public static void Print(IAnsiConsole console, ReproductionResult result)
    {
        var table = new Table().Title("Recipes and attacks (pooled over leave-one-out targets)");
        table.AddColumns("recipe", "train acc", "test acc", "gap", "attack", "AUC", "TPR@1% FPR", "TPR@0.1% FPR", "95% CI");
        foreach (var (name, outcome) in result.Recipes)
        {
            var t = outcome.Trained;
            var first = true;
            foreach (var (attack, o) in outcome.Attacks)
            {
                table.AddRow([
                    first ? name : string.Empty,
                    first ? Invariant($"{t.TrainAccuracy:0.000}") : string.Empty,
                    first ? Invariant($"{t.TestAccuracy:0.000}") : string.Empty,
                    first ? Invariant($"{t.GeneralizationGap:0.000}") : string.Empty,
                    attack,
                    Invariant($"{o.Pooled.Auc:0.000}"),
                    .. TprCells(o)]);
                first = false;
            }
        }

        console.Write(table);
        var claims = new Table().Title("Claims");
        claims.AddColumns("claim", "measure", "effect", "95% CI", "verdict", "why");
        foreach (var c in result.Claims)
        {
            claims.AddRow(
                c.Id,
                Markup.Escape(c.Measure),
                NumberText.FormatEffect(c.Effect),
                Markup.Escape(NumberText.FormatEffectInterval(c.Ci95)),
                NumberText.FormatVerdict(c.Verdict),
                Markup.Escape(c.Reason));
        }

        console.Write(claims);
        console.MarkupLine(Markup.Escape("Decided under " + ReportMarkdown.Registration([result.Settings]).Replace("`", string.Empty, StringComparison.Ordinal) + "."));
    }
}
