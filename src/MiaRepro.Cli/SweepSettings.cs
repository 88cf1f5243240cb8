using System.ComponentModel;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Runs.Sharding;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro sweep</c>: the run's (as <c>reproduce</c>), which shard of it, and the shard's folder.</summary>
public sealed class SweepSettings : RunOptions
{
    [CommandOption("--shard <I/N>")]
    [Description("train the i-th of n disjoint shares of the run's models (i from 1: 1/4 … 4/4); shard i takes every n-th model of the run's order (recipe by recipe, model 0, 1, …) from position i − 1")]
    public string? Shard { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("the shard's folder: its models go to DIR/store, its manifest to DIR/shard.json (required)")]
    public string? Out { get; init; }

    /// <summary>The parsed <c>--shard</c>.</summary>
    /// <exception cref="InputException">Missing or malformed, n &lt; 1, or i outside 1…n.</exception>
    public Shard ToShard() => Runs.Sharding.Shard.Parse(Shard);

    /// <summary>The run the shard is a share of; its models are kept in the shard's own store.</summary>
    /// <exception cref="InputException">--out is missing.</exception>
    public RunSettings ToRunSettings() =>
        ToRunSettings(
            Out ?? throw new InputException("--out DIR is required: the shard's folder (its models go to DIR/store, its manifest to DIR/shard.json)."),
            store: null);
}
