using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro attack</c> (SPEC.md, "Command line").</summary>
public sealed class AttackSettings : CommandSettings
{
    [CommandOption("--population <DIR>")]
    [Description("population folder: keep.npy, scores.npy, labels.npy, optional logits.npy and models.json")]
    public string? Population { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("output folder (default: out)")]
    public string Out { get; init; } = "out";

    [CommandOption("--replicates <N>")]
    [Description("bootstrap replicates of the 95% intervals of AUC and TPRs (default 1000; 0: no intervals)")]
    public int Replicates { get; init; } = 1000;

    [CommandOption("--rmia <SETTINGS>")]
    [Description(RmiaOption.Help)]
    public string? Rmia { get; init; }

    [CommandOption("--seed <S>")]
    [Description("master seed of the bootstrap (default 0; the draws are those of 'reproduce --seed S')")]
    public long Seed { get; init; }

    /// <exception cref="InputException">--population is missing.</exception>
    public static string RequirePopulation(string? population, string command) =>
        population ?? throw new InputException($"--population DIR is required; run 'miarepro {command} --help' for the options.");
}
