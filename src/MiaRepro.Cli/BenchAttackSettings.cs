using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro bench attack</c>.</summary>
public sealed class BenchAttackSettings : CommandSettings
{
    [CommandOption("--models <K>")]
    [Description("models of the synthetic population (default 256, even, at most 4096)")]
    public int Models { get; init; } = 256;

    [CommandOption("--examples <N>")]
    [Description("examples of the synthetic population (default 50000, at most 1000000)")]
    public int Examples { get; init; } = 50_000;

    [CommandOption("--queries <Q>")]
    [Description("query views per example (default 2, at most 18)")]
    public int Queries { get; init; } = Training.QueryGrid.DefaultQueries;

    [CommandOption("--logits")]
    [Description("also synthesise logits consistent with φ, so that every attack runs (float32 [[models, examples, queries, classes]]: 1 GB at the default size)")]
    public bool Logits { get; init; }

    [CommandOption("--classes <C>")]
    [Description("classes of the synthetic logits (default 10; with --logits)")]
    public int Classes { get; init; } = 10;
}
