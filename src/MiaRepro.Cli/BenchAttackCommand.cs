using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro bench attack</c>: seconds per attack (scoring, metrics) on a synthetic population of the given size.</summary>
public sealed class BenchAttackCommand : Command<BenchAttackSettings>
{
    /// <summary>The most examples of the synthetic population (the paper's datasets have 50,000–60,000).</summary>
    public const int MaxExamples = 1_000_000;

    /// <summary>The most scores (models × examples × queries) of the synthetic population: 2.5× the default, ~0.5 GB per copy of the scores.</summary>
    public const long MaxCells = 64_000_000;

    /// <summary>The most classes of the synthetic logits (CIFAR-100 has 100).</summary>
    public const int MaxClasses = 1000;

    /// <summary>The most synthetic logit values: 1 GB of float32, the default size with <c>--logits</c>.</summary>
    public const long MaxLogits = 256_000_000;

    public override int Execute(CommandContext context, BenchAttackSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        if (settings.Models < 6 || settings.Models % 2 != 0 || settings.Models > Results.RunSettings.MaxModels
            || settings.Examples is < 10 or > MaxExamples || settings.Queries < 1 || settings.Queries > Training.QueryGrid.Supported[^1]
            || (long)settings.Models * settings.Examples * settings.Queries > MaxCells)
        {
            throw new InputException(Invariant(
                $"--models {settings.Models} --examples {settings.Examples} --queries {settings.Queries}: use an even number of models from 6 to {Results.RunSettings.MaxModels}, 10 to {MaxExamples:N0} examples and 1 to {Training.QueryGrid.Supported[^1]} queries, at most {MaxCells:N0} scores in all (models × examples × queries; the default is 25,600,000)."));
        }

        var classes = settings.Logits ? settings.Classes : 0;
        if (settings.Logits && (classes is < 2 or > MaxClasses || (long)settings.Models * settings.Examples * settings.Queries * classes > MaxLogits))
        {
            throw new InputException(Invariant(
                $"--classes {classes}: synthetic logits need 2 to {MaxClasses} classes and at most {MaxLogits:N0} values (models × examples × queries × classes, 1 GB of float32: the default size); use fewer examples or classes."));
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
