using System.Globalization;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary><c>miarepro attack</c>: runs every attack on one existing population folder (trained here or by another tool).</summary>
public sealed class AttackCommand : Command<AttackSettings>
{
    public override int Execute(CommandContext context, AttackSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var folder = PopulationFolder.Read(AttackSettings.RequirePopulation(settings.Population, context.Name));
        var suite = AttackSuite.Run(folder.Population);
        OutputWriter.Write(folder, suite, settings.Out);

        var console = AnsiConsole.Console;
        var p = folder.Population;
        var table = new Table().Title(Markup.Escape(Invariant($"{p.Name}: {p.Models} models × {p.Examples} examples (pooled over leave-one-out targets)")));
        table.AddColumns("attack", "AUC", "balanced acc", "TPR@1% FPR", "TPR@0.1% FPR");
        foreach (var (attack, o) in suite.Outcomes)
        {
            table.AddRow(
                attack,
                Invariant($"{o.Pooled.Auc:0.000}"),
                Invariant($"{o.Pooled.BalancedAccuracy:0.000}"),
                ReportMarkdown.FormatTpr(o.Pooled.TprAtFpr.First(x => x.Fpr == 0.01).Tpr),
                ReportMarkdown.FormatTpr(o.Pooled.TprAtFpr.First(x => x.Fpr == 0.001).Tpr));
        }

        foreach (var (attack, reason) in suite.Unavailable)
        {
            table.AddRow(attack, "—", "—", "—", Markup.Escape(reason));
        }

        console.Write(table);
        console.MarkupLine(Invariant($"Wrote [bold]{Markup.Escape(Path.Combine(settings.Out, "results.json"))}[/] and report.md."));
        return ExitCodes.Ran;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
