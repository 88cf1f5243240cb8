using System.Diagnostics;
using MiaRepro.Reports;
using MiaRepro.Results;
using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary>
/// <c>miarepro stability</c>: the reproduction at several master seeds, and per claim each seed's effect, interval and
/// verdict and how many seeds differ — the measured stability of the verdicts.
/// </summary>
public sealed class StabilityCommand : Command<StabilitySettings>
{
    public override int Execute(CommandContext context, StabilitySettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var (seeds, template, problems) = settings.Read();
        if (problems.Count > 0)
        {
            return ExitCodes.Report(problems);
        }

        var console = AnsiConsole.Console;
        var watch = Stopwatch.StartNew();
        console.MarkupLine("[bold]MiaRepro stability[/] at master seeds " + string.Join(", ", seeds) + ": " + RunTables.Describe(template, withSeed: false));
        // Every seed's outputs and the summary go into a staging folder that replaces --out whole at the end: no seed-S
        // of an earlier, larger run survives, and a run stopped early leaves the previous outputs, not a mix.
        StabilityRun? run = null;
        OutputFolder.Replace(
            template.Out,
            staging =>
            {
                var seedsRun = StabilityRun.Run(
                    template with { Out = staging },
                    seeds,
                    s => Reproduction.Run(s),
                    result =>
                    {
                        OutputWriter.Write(result, result.Settings.Out);
                        console.MarkupLine(Invariant($"seed {result.Settings.Seed}: ") + Markup.Escape(string.Join("; ", result.Claims.Select(c => $"{c.Id} {StabilityOutput.Cell(c)}"))) +
                            Invariant($" ({watch.Elapsed.TotalMinutes:0.0} min)"));
                    });
                StabilityOutput.Write(seedsRun, staging);
                run = seedsRun;
            },
            OutputLayout.Stability);
        var finished = run!;

        var table = new Table().Title(Markup.Escape($"Verdicts at master seeds {string.Join(", ", seeds)} ({finished.CpuKernels} CPU kernels)"));
        table.AddColumns(["claim", .. seeds.Select(s => Invariant($"seed {s}")), "stability"]);
        foreach (var claim in finished.Claims)
        {
            table.AddRow([
                claim.Id,
                .. seeds.Select(s => Markup.Escape(claim.BySeed.FirstOrDefault(b => b.Seed == s) is { Result: { } r } ? StabilityOutput.Cell(r) : "—")),
                Markup.Escape(StabilityOutput.Summary(claim)),
            ]);
        }

        console.Write(table);
        console.MarkupLine(finished.Stable ? "Every claim has the same verdict at every seed." : "[yellow]Some verdicts differ between seeds.[/]");
        console.MarkupLine(Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(template.Out, "stability.md"))}[/], stability.json and each seed's outputs in seed-S/ in {watch.Elapsed.TotalSeconds:0} s."));
        return ExitCodes.Ran;
    }
}
