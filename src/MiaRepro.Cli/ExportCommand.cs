using MiaRepro.Populations;
using MiaRepro.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>
/// <c>miarepro export</c>: writes a population folder in another tool's layout. <c>lira-reference</c>: for each model
/// i, <c>experiment-i/keep.npy</c> bool [N], <c>experiment-i/scores/0000000100.npy</c> float64 [N, Q] (φ) and,
/// with logits, <c>experiment-i/logits/0000000100.npy</c> float32 [N, 1, Q, C]; <c>y_train.npy</c> int64 [N].
/// </summary>
public sealed class ExportCommand : Command<ExportSettings>
{
    public static IReadOnlyList<string> Formats { get; } = [LiraReferenceLayout.Format];

    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        if (!Formats.Contains(settings.Format, StringComparer.Ordinal))
        {
            throw new InputException($"Unknown export format '{settings.Format}'; valid formats are: {string.Join(", ", Formats)}.");
        }

        var population = settings.RequirePopulationDir(context.Name);
        var outDir = settings.Out ?? throw new InputException($"--out DIR is required; run 'miarepro {context.Name} --help' for the options.");
        if (OutputFolder.Problem(outDir, OutputLayout.LiraReference, (Setting.PopulationDir, population)) is { } problem)
        {
            return ExitCodes.Report([problem]);
        }

        var folder = PopulationFolder.Read(population);

        // The export replaces the folder whole: no experiment-N of a larger population survives it.
        OutputFolder.Replace(outDir, staging => LiraReferenceLayout.Write(folder.Population, staging), OutputLayout.LiraReference);

        AnsiConsole.MarkupLine($"Wrote [bold]{folder.Population.Models}[/] experiment folders in the {Markup.Escape(settings.Format)} layout under [bold]{Markup.Escape(outDir)}[/].");
        return ExitCodes.Ran;
    }
}
