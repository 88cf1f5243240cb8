using MiaRepro.Populations;
using Spectre.Console;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary>The training progress bar of <c>reproduce</c> and <c>sweep</c>: one task counted in models, with elapsed and remaining time.</summary>
public static class RunProgress
{
    /// <summary>Runs <paramref name="work"/> with a bar of <paramref name="models"/> models, left on screen when done.</summary>
    public static void Show(IAnsiConsole console, int models, Action<ProgressTask> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => work(ctx.AddTask("training", maxValue: models)));

    /// <summary>The bar's progress: models done plus the running model's share of its epochs, and what it is doing.</summary>
    public static IProgress<PopulationProgress> Of(ProgressTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new SynchronousProgress<PopulationProgress>(p =>
        {
            var epochFraction = p.Epoch == 0 ? 0 : (double)p.Epoch / p.Epochs;
            task.Value = Math.Min(p.Models, p.ModelsDone + epochFraction);
            task.Description = Invariant($"{p.Recipe}: epoch {p.Epoch}/{p.Epochs} ({p.ModelsDone}/{p.Models} models done)");
        });
    }
}
