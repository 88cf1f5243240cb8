using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro bench attack</c>: seconds per attack (scoring, metrics) on a synthetic population of the given size.</summary>
public sealed class BenchAttackCommand : Command<BenchAttackSettings>
{
    public override int Execute(CommandContext context, BenchAttackSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        if (settings.Models < 6 || settings.Models % 2 != 0 || settings.Examples < 10 || settings.Queries < 1)
        {
            throw new InputException(
                $"--models {settings.Models} --examples {settings.Examples} --queries {settings.Queries}: use an even number of models ≥ 6, ≥ 10 examples and ≥ 1 query.");
        }

        var classes = settings.Logits ? settings.Classes : 0;
        if (settings.Logits && (classes < 2 || (long)settings.Models * settings.Examples * settings.Queries * classes > Array.MaxLength))
        {
            throw new InputException(Invariant(
                $"--classes {classes}: synthetic logits need ≥ 2 classes and at most {Array.MaxLength} values (models × examples × queries × classes); use fewer examples or classes."));
        }

        var timings = AttackBenchmark.Run(settings.Models, settings.Examples, settings.Queries, seed: 0, classes);
        var data = classes == 0 ? "synthetic φ" : Invariant($"synthetic φ and {classes}-class logits");
        var table = new Table().Title(Invariant($"Attack cost: {settings.Models} models × {settings.Examples} examples × {settings.Queries} queries ({data}), {Environment.ProcessorCount} cores"));
        table.AddColumns("attack", "scoring (s)", "metrics (s)", "total (s)", "CPU (s)", "input read (MB/s of scoring)", "AUC", "note");
        foreach (var t in timings)
        {
            table.AddRow(
                t.Attack,
                Seconds(t.ScoringSeconds),
                Seconds(t.MetricsSeconds),
                Seconds(t.Seconds),
                Seconds(t.CpuSeconds),
                t.BytesPerSecond is { } b ? Invariant($"{b / 1e6:0}") : "—",
                t.Auc is { } a ? Invariant($"{a:0.000}") : "—",
                Markup.Escape(t.NotRun ?? string.Empty));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Invariant($"Seconds are wall-clock; CPU is processor time over all threads. Load average at the end: {LoadAverage()}."));
        return ExitCodes.Ran;
    }

    /// <summary>The 1-minute load average (Linux), so that a reader can tell a busy machine's numbers; "unknown" elsewhere.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string Seconds(double? seconds) => seconds is { } s ? Invariant($"{s:0.00}") : "—";
}
