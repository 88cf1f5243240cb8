using System.Diagnostics;
using MiaRepro.Audits;
using MiaRepro.Reports;
using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary>
/// <c>miarepro audit</c>: trains the baseline and the audited recipes on the given data at a scale, and answers whether
/// each lowers membership leakage, at what accuracy cost, with the ε the attack shows and the examples that leak.
/// </summary>
public sealed class AuditCommand : Command<AuditSettings>
{
    public override int Execute(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var (run, problems) = settings.Read();
        if (problems.Count > 0)
        {
            return ExitCodes.Report(problems);
        }

        var console = AnsiConsole.Console;
        console.MarkupLine("[bold]MiaRepro audit[/] " + RunTables.Describe(run));
        var totalModels = run.Recipes.Sum(run.Scale.TrainedModelsOf);
        var watch = Stopwatch.StartNew();
        AuditResult? audit = null;
        RunProgress.Show(console, totalModels, task =>
        {
            audit = Audit.Run(run, settings.Delta, RunProgress.Of(task));
            task.Value = totalModels;
        });

        var result = audit!;
        var warnings = AuditReport.Write(result, run.Out);
        foreach (var finding in result.Summary.Findings)
        {
            console.MarkupLine("[bold]" + Markup.Escape(AuditReport.VerdictLine(finding, result.Summary)) + "[/]");
        }

        foreach (var recipe in result.Summary.Recipes)
        {
            console.MarkupLine(Markup.Escape($"{recipe.Recipe}: {AuditReport.EpsilonText(recipe, result.Summary.Delta)}"));
        }

        RunTables.PrintWarnings(console, warnings);
        console.MarkupLine(Invariant(
            $"Wrote [bold]{Markup.Escape(Path.Combine(run.Out, AuditReport.Markdown))}[/], {AuditReport.Json}, {AuditReport.LeakingFolder}/ (the examples that leak) and {AuditReport.RunFolder}/ (the reproduction) in {watch.Elapsed.TotalSeconds:0} s."));
        return ExitCodes.Ran;
    }
}
