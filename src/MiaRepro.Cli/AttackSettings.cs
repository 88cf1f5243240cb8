using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro attack</c> (docs/cli.md).</summary>
public sealed class AttackSettings : PopulationDirSettings
{
    [CommandOption("--out <DIR>")]
    [Description($"output folder (default: {OutputDefaults.Folder})")]
    public string Out { get; init; } = OutputDefaults.Folder;

    [CommandOption("--replicates <N>")]
    [Description("bootstrap replicates of the 95% intervals of AUC and TPRs (default 1000, at most 100,000; 0: no intervals)")]
    public int Replicates { get; init; } = Metrics.PairedBootstrap.DefaultReplicates;

    [CommandOption("--rmia <SETTINGS>")]
    [Description(RmiaOption.Help)]
    public string? Rmia { get; init; }

    [CommandOption("--seed <S>")]
    [Description("master seed of the bootstrap (default 0; the draws are those of 'reproduce --seed S')")]
    public long Seed { get; init; }
}
