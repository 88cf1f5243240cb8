using System.Diagnostics;
using MiaRepro.Claims;
using MiaRepro.Populations;
using MiaRepro.Reports;
using MiaRepro.Reports.Text;
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
        var replicated = run.Scale.Replicates > 1;
        if (Validation.Problems(run.Problems(), OutputFolder.Problem(run.Out, replicated ? OutputLayout.Replicated : null, settings.RecipeFileInputs)) is { Count: > 0 } problems)
        {
            return ExitCodes.Report(problems);
        }

        if (replicated)
        {
            return Replicated(run);
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

    /// <summary>
    /// A replicated scale (<c>--scale claims</c>): every replicate reproduced and written into <c>replicate-r/</c> of a
    /// staging folder that replaces <c>--out</c> whole at the end, then the claims decided from the replicates.
    /// </summary>
    private static int Replicated(RunSettings run)
    {
        var console = AnsiConsole.Console;
        var watch = Stopwatch.StartNew();
        var count = run.Scale.Replicates;
        console.MarkupLine("[bold]MiaRepro[/] " + RunTables.Describe(run) + Invariant($", {count} independent replicates"));
        ReplicatedRun? finished = null;
        OutputFolder.Replace(
            run.Out,
            staging =>
            {
                finished = ReplicatedRun.Run(
                    run with { Out = staging },
                    s => Reproduction.Run(s),
                    (index, result) =>
                    {
                        OutputWriter.Write(result, result.Settings.Out);
                        console.MarkupLine(Invariant($"replicate {index} of {count} (seed {result.Settings.Seed}): ") +
                            Markup.Escape(string.Join("; ", result.Claims.Select(c => $"{c.Id} {NumberText.FormatClaimCell(c)}"))) +
                            Invariant($" ({watch.Elapsed.TotalMinutes:0.0} min)"));
                    });
                ReplicatedOutput.Write(finished, staging);
            },
            OutputLayout.Replicated);

        var table = new Table().Title(Markup.Escape(Invariant($"Claims from {count} replicates (95% t-intervals on {count - 1} df)")));
        table.AddColumns("claim", "verdict", "effect", "95% CI");
        foreach (var c in finished!.Claims)
        {
            table.AddRow(c.Id, Markup.Escape(c.Verdict.Text()), NumberText.FormatEffect(c.Effect), Markup.Escape(NumberText.FormatEffectInterval(c.Ci95)));
        }

        console.Write(table);
        console.MarkupLine(Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(run.Out, "claims.md"))}[/], claims.json and each replicate's outputs in replicate-r/ in {watch.Elapsed.TotalSeconds:0} s."));
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
