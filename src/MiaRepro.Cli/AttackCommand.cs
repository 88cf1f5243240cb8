using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Reports;
using MiaRepro.Results;
using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro attack</c>: runs every attack on one existing population folder (trained here or by another tool).</summary>
public sealed class AttackCommand : Command<AttackSettings>
{
    public override int Execute(CommandContext context, AttackSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var rmia = RmiaOption.Parse(settings.Rmia);
        var population = settings.RequirePopulationDir(context.Name);
        var problems = Validation.Problems(
            [],
            OutputFolder.Problem(settings.Out, null, (Setting.PopulationDir, population)),
            settings.Replicates is < 0 or > Metrics.PairedBootstrap.MaxReplicates
                ? new SettingProblem(Setting.BootstrapReplicates, Invariant($"{settings.Replicates}"), Invariant($"use 0 to {Metrics.PairedBootstrap.MaxReplicates:N0} replicates (0: no intervals)."))
                : null,
            settings.Seed < 0 ? new SettingProblem(Setting.Seed, Invariant($"{settings.Seed}"), "use a seed ≥ 0.") : null);
        if (problems.Count > 0)
        {
            return ExitCodes.Report(problems);
        }

        var folder = PopulationFolder.Read(population);
        var run = FolderAttack.Run(folder, AttackCatalog.With(rmia), settings.Replicates, settings.Seed);
        var warnings = OutputWriter.Write(run, settings.Out);

        var console = AnsiConsole.Console;
        var p = folder.Population;
        RunTables.Write(
            console, Invariant($"{p.Name}: {p.Models} models × {p.Examples} examples (pooled over leave-one-out targets)"), ReportMarkdown.AttackTable(run.Suite));
        RunTables.PrintWarnings(console, warnings);
        console.MarkupLine(Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(settings.Out, "results.json"))}[/], report.md and plots/."));
        return ExitCodes.Ran;
    }
}
