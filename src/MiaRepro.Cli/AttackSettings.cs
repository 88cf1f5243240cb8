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

    /// <exception cref="InputException">--population is missing.</exception>
    public static string RequirePopulation(string? population, string command) =>
        population ?? throw new InputException($"--population DIR is required; run 'miarepro {command} --help' for the options.");
}
