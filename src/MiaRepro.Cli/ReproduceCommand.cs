using System.Diagnostics;
using System.Globalization;
using MiaRepro.Populations;
using MiaRepro.Reports;
using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary><c>miarepro reproduce</c>: the main job.</summary>
public sealed class ReproduceCommand : Command<ReproduceSettings>
{
    public override int Execute(CommandContext context, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var run = settings.ToRunSettings();
        run.Validate();
        ReproductionResult? result = null;
        var console = AnsiConsole.Console;

        console.MarkupLine(Invariant($"[bold]MiaRepro[/] {run.Scale.Name} scale: {run.Dataset}, recipes {string.Join(", ", run.Recipes)}, {run.Scale.Models} models × {run.Scale.Population} examples, {run.Scale.Epochs} epochs, seed {run.Seed}, {run.Threads} threads"));
        var totalModels = run.Recipes.Count * run.Scale.Models;
        var watch = Stopwatch.StartNew();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: totalModels);
                var finished = 0;
                var recipeIndex = -1;
                string? current = null;
                var progress = new SynchronousProgress<PopulationProgress>(p =>
                {
                    if (p.Recipe != current)
                    {
                        current = p.Recipe;
                        recipeIndex++;
                    }

                    finished = (recipeIndex * p.Models) + p.ModelsDone;
                    var epochFraction = p.Epoch == 0 ? 0 : (double)p.Epoch / p.Epochs;
                    task.Value = Math.Min(totalModels, finished + epochFraction);
                    task.Description = Invariant($"{p.Recipe}: model {Math.Min(p.ModelsDone + 1, p.Models)}/{p.Models}, epoch {p.Epoch}/{p.Epochs} ({finished}/{totalModels} models done)");
                });
                result = Reproduction.Run(run, progress);
                task.Value = totalModels;
                var reused = result.Recipes.Values.Sum(r => r.Trained.Store.Reused);
                task.Description = Invariant($"{totalModels} models: {totalModels - reused} trained, {reused} from the store");
            });

        PrintStore(console, result!);
        OutputWriter.Write(result!, run.Out);
        Print(console, result!);
        console.MarkupLine(Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(run.Out, "results.json"))}[/], report.md and populations/ in {watch.Elapsed.TotalSeconds:0} s."));
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

    private static void Print(IAnsiConsole console, ReproductionResult result)
    {
        var table = new Table().Title("Recipes and attacks (pooled over leave-one-out targets)");
        table.AddColumns("recipe", "train acc", "test acc", "gap", "attack", "AUC", "TPR@1% FPR", "TPR@0.1% FPR", "95% CI");
        foreach (var (name, outcome) in result.Recipes)
        {
            var t = outcome.Trained;
            var first = true;
            foreach (var (attack, o) in outcome.Attacks)
            {
                table.AddRow(
                    first ? name : string.Empty,
                    first ? Invariant($"{t.TrainAccuracy:0.000}") : string.Empty,
                    first ? Invariant($"{t.TestAccuracy:0.000}") : string.Empty,
                    first ? Invariant($"{t.GeneralizationGap:0.000}") : string.Empty,
                    attack,
                    Invariant($"{o.Pooled.Auc:0.000}"),
                    ReportMarkdown.FormatTpr(o.Pooled.TprAtFpr.First(x => x.Fpr == 0.01).Tpr),
                    ReportMarkdown.FormatTpr(o.Pooled.TprAtFpr.First(x => x.Fpr == ReportMarkdown.IntervalFpr).Tpr),
                    Markup.Escape(ReportMarkdown.FormatTprInterval(o.Ci95?.Tpr(ReportMarkdown.IntervalFpr))));
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
                c.Effect is null ? "—" : Invariant($"{c.Effect:0.##}"),
                c.Ci95 is null ? "—" : Markup.Escape(Invariant($"[{c.Ci95[0]:0.##}, {c.Ci95[1]:0.##}]")),
                c.Verdict.ToString().ToLowerInvariant(),
                Markup.Escape(c.Reason));
        }

        console.Write(claims);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
