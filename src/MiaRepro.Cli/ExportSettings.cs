using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro export</c>.</summary>
public sealed class ExportSettings : PopulationDirSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("lira-reference (default): the folder layout of the LiRA reference code (tensorflow/privacy research/mi_lira_2021)")]
    public string Format { get; init; } = "lira-reference";

    [CommandOption("--out <DIR>")]
    [Description("output folder")]
    public string? Out { get; init; }
}
