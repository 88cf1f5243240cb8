using System.ComponentModel;
using MiaRepro.Results;
using MiaRepro.Runs;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro reproduce</c> (docs/cli.md): the run's, its output folder and its model store.</summary>
public sealed class ReproduceSettings : StoreRunOptions
{
    [CommandOption("--out <DIR>")]
    [Description($"output folder (default: {OutputDefaults.Folder})")]
    public string Out { get; init; } = OutputDefaults.Folder;

    public RunSettings ToRunSettings() => ToRunSettings(Out, StoreRoot);
}
