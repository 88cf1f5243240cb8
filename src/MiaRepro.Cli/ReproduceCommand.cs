using System.Diagnostics;
using MiaRepro.Populations;
using MiaRepro.Reports;
using MiaRepro.Results;
using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro reproduce</c>: the main job.</summary>
public sealed class ReproduceCommand : Command<ReproduceSettings>
{
    public override int Execute(CommandContext context, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var run = settings.ToRunSettings();
        if (Validation.Problems(run.Problems(), OutputFolder.Problem(run.Out)) is { Count: > 0 } problems)
        {
            return ExitCodes.Report(problems);
        }

        ReproductionResult? result = null;
        var console = AnsiConsole.Console;

        console.MarkupLine("[bold]MiaRepro[/] " + RunTables.Describe(run));
        var totalModels = run.Recipes.Sum(run.Scale.TrainedModelsOf);
        var watch = Stopwatch.StartNew();
        RunProgress.Show(console, totalModels, task =>
        {
            result = Reproduction.Run(run, RunProgress.Of(task));
            task.Value = totalModels;
            var reused = result.Recipes.Values.Sum(r => r.Trained.Store.Reused);
            task.Description = Invariant($"{totalModels} models: {totalModels - reused} trained, {reused} from the store");
        });

        PrintStore(console, result!);
        var warnings = OutputWriter.Write(result!, run.Out);
        RunTables.Print(console, result!);
        RunTables.PrintWarnings(console, warnings);
        console.MarkupLine(RunTables.Wrote(run.Out, watch.Elapsed));
        return ExitCodes.Ran;
    }

    private static void PrintStore(IAnsiConsole console, ReproductionResult result)
    {
        var uses = result.Recipes.Select(r => (r.Key, r.Value.Trained.Store)).ToList();
        if (uses.FirstOrDefault().Store?.Root is not { } root)
        {
            console.MarkupLine("Store: none (--no-store); every model was trained.");
            return;
        }

        console.MarkupLine(Invariant($"Store [bold]{Markup.Escape(root)}[/]: ") +
            string.Join("; ", uses.Select(u => Invariant($"{u.Key} {u.Store.Trained} trained, {u.Store.Reused} reused"))));
        foreach (var reason in uses.SelectMany(u => u.Store.Discarded))
        {
            console.MarkupLine($"[yellow]Discarded a corrupt stored model and trained it again:[/] {Markup.Escape(reason)}");
        }
    }
}
