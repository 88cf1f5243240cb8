using System.Diagnostics;
using MiaRepro.Populations;
using MiaRepro.Runs.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro sweep</c>: trains one shard of a run's models into the shard's folder, for <c>miarepro merge</c>.</summary>
public sealed class SweepCommand : Command<SweepSettings>
{
    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var (parsed, run, problems) = settings.Read();
        if (run.Scale.Replicates > 1)
        {
            problems = [.. problems, new SettingProblem(
                MiaRepro.Setting.Scale, run.Scale.Name, "is replicated; a sweep shards one population. Run it with `reproduce --scale claims`, or shard --scale smoke.")];
        }

        if (problems.Count > 0)
        {
            return ExitCodes.Report(problems);
        }

        var shard = parsed!;
        var plan = ShardPlan.Of(shard, run.Recipes, run.Scale.Models, run.Scale.TwinsOf);
        var console = AnsiConsole.Console;
        console.MarkupLine(Invariant($"[bold]MiaRepro sweep[/] shard {shard} of ") + RunTables.Describe(run));
        var all = ShardPlan.All(run.Recipes, run.Scale.Models, run.Scale.TwinsOf).Count;
        console.MarkupLine(Invariant($"This shard trains {plan.Count} of {all} models: ") +
            string.Join(", ", plan.GroupBy(s => s.Recipe).Select(g => Invariant($"{g.Key} {string.Join(" ", g.Select(s => s.Twin ? $"twin-{s.Model}" : $"{s.Model}"))}"))));

        SweepResult? result = null;
        var watch = Stopwatch.StartNew();
        RunProgress.Show(console, plan.Count, task =>
        {
            result = Sweep.Run(run, shard, RunProgress.Of(task));
            task.Value = plan.Count;
            task.Description = Invariant($"{plan.Count} models: {result.Store.Trained} trained, {result.Store.Reused} already in the shard's store");
        });

        console.MarkupLine(Invariant($"Shard {shard}: {plan.Count} models, {result!.Store.Trained} trained, {result.Store.Reused} already in the shard's store."));
        foreach (var reason in result.Store.Discarded)
        {
            console.MarkupLine($"[yellow]Discarded a corrupt stored model and trained it again:[/] {Markup.Escape(reason)}");
        }

        console.MarkupLine(Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(run.Out, ShardManifest.FileName))}[/] and {Markup.Escape(result.Store.Root ?? string.Empty)} in {watch.Elapsed.TotalSeconds:0} s. Merge all {shard.Count} shards with: miarepro merge --out DIR SHARD_DIR..."));
        return ExitCodes.Ran;
    }
}
