using System.Globalization;
using MiaRepro.Coverage;
using MiaRepro.Reports;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary>
/// <c>miarepro coverage</c>: the out-of-sample coverage of the replicated design's intervals, on populations that did
/// not design it — every R-subset's interval against the other populations' estimate, per part and per kind of part.
/// </summary>
public sealed class CoverageCommand : Command<CoverageSettings>
{
    public override int Execute(CommandContext context, CoverageSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var (replicates, problems) = settings.Read();
        if (problems.Count > 0)
        {
            return ExitCodes.Report(problems);
        }

        var populations = MeasuredPopulation.ReadAll(settings.Runs);
        if (MeasuredPopulation.Problem(populations) is { } why)
        {
            throw new InputException(new SettingProblem(Setting.Runs, string.Join(" ", settings.Runs), why + "."));
        }

        if (populations.Count <= replicates || populations.Count > ReplicateCoverage.MaxPopulations)
        {
            throw new InputException(new SettingProblem(
                Setting.Runs,
                string.Join(" ", settings.Runs),
                Invariant($"hold {populations.Count} populations; coverage of {replicates}-replicate intervals needs more than {replicates} (at least {2 * replicates} for a reference as precise as the interval) and at most {ReplicateCoverage.MaxPopulations}.")));
        }

        var result = ReplicateCoverage.Measure([.. populations.Select(p => p.Claims)], replicates);
        OutputFolder.Replace(settings.Out, staging => CoverageOutput.Write(result, populations, staging), OutputLayout.Coverage);

        var console = AnsiConsole.Console;
        console.MarkupLine(Invariant($"[bold]MiaRepro coverage[/] of {replicates}-replicate intervals over {result.Populations} populations ({result.Subsets:N0} subsets), master seeds {string.Join(", ", populations.Select(p => p.Seed))}."));
        var table = new Table().AddColumns("claim", "part", "intervals", "hold the others' estimate", "widened for its noise");
        foreach (var p in result.Kinds.Concat(result.Parts))
        {
            table.AddRow(Markup.Escape(p.Claim), Markup.Escape(p.Part), p.Intervals.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(CoverageOutput.Rate(p.Covered, p.Intervals)), Markup.Escape(CoverageOutput.Rate(p.CoveredAdjusted, p.Intervals)));
        }

        console.Write(table);
        console.MarkupLine(Invariant($"A calibrated 95% interval: {result.Expected:0.0%}, and 95.0% widened. Wrote [bold]{Markup.Escape(Path.Combine(settings.Out, "coverage.md"))}[/] and coverage.json."));
        return ExitCodes.Ran;
    }
}
