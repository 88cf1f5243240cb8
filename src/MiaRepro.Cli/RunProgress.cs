using Spectre.Console;

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
}
