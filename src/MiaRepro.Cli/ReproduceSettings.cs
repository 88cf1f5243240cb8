using System.ComponentModel;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Store;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro reproduce</c> (docs/cli.md): the run's, its output folder and its model store.</summary>
public sealed class ReproduceSettings : RunOptions
{
    [CommandOption("--out <DIR>")]
    [Description($"output folder (default: {OutputDefaults.Folder})")]
    public string Out { get; init; } = OutputDefaults.Folder;

    [CommandOption("--store <DIR>")]
    [Description("model store: trained models are kept and reused by content (default: $MIAREPRO_STORE, else ~/.cache/miarepro)")]
    public string? Store { get; init; }

    [CommandOption("--no-store")]
    [Description("train every model afresh and store nothing")]
    public bool NoStore { get; init; }

    public RunSettings ToRunSettings() => ToRunSettings(Out, NoStore ? null : Store ?? ModelStore.DefaultRoot());
}
