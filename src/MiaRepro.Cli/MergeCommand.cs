using System.Diagnostics;
using MiaRepro.Reports;
using MiaRepro.Runs.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro merge</c>: combines the shards of a sweep into the run's populations, attacks them, decides the claims.</summary>
public sealed class MergeCommand : Command<MergeSettings>
{
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var console = AnsiConsole.Console;
        var watch = Stopwatch.StartNew();
        if (OutputFolder.Problem(settings.Out, null, [.. settings.Shards.Select(s => (Setting.Shards, (string?)s)), (Setting.DataDir, settings.DataDir)]) is { } problem)
        {
            return ExitCodes.Report([problem]);
        }

        var result = Merge.Run(settings.Shards, settings.Out, settings.DataDir);
        var run = result.Settings;
        console.MarkupLine(Invariant($"[bold]MiaRepro merge[/] of {settings.Shards.Length} shards, trained on {result.Device}: ") + RunTables.Describe(run));
        console.MarkupLine(string.Join("; ", result.Recipes.Select(r => Invariant($"{r.Key} {r.Value.Trained.Models.Count} models") + (r.Value.Trained.Twins is { } twins ? Invariant($" and {twins.Count} twins") : string.Empty))) + " from the shards, none trained.");
        var warnings = OutputWriter.Write(result, run.Out);
        RunTables.Print(console, result);
        RunTables.PrintWarnings(console, warnings);
        console.MarkupLine(RunTables.Wrote(run.Out, watch.Elapsed));
        return ExitCodes.Ran;
    }
}
