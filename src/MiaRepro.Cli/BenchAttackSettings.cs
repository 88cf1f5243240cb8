using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro bench attack</c>.</summary>
public sealed class BenchAttackSettings : CommandSettings
{
    [CommandOption("--models <K>")]
    [Description("models of the synthetic population (default 256, even)")]
    public int Models { get; init; } = 256;

    [CommandOption("--examples <N>")]
    [Description("examples of the synthetic population (default 50000)")]
    public int Examples { get; init; } = 50_000;

    [CommandOption("--queries <Q>")]
    [Description("query views per example (default 2)")]
    public int Queries { get; init; } = 2;
}
