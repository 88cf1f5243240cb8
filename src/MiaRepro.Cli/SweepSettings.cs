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

    /// <summary>The parsed <c>--shard</c>, the run the shard is a share of (its models kept in the shard's own store), and every problem of the two.</summary>
    public (Shard? Shard, RunSettings Run, IReadOnlyList<SettingProblem> Problems) Read()
    {
        var (shard, shardProblem) = Runs.Sharding.Shard.Parse(Shard);
        var run = ToRunSettings(Out ?? string.Empty, store: null);
        List<SettingProblem> problems = [.. run.Problems().Where(p => Out is not null || p.Setting != MiaRepro.Setting.Out)];
        if (Out is null)
        {
            problems.Add(new SettingProblem(MiaRepro.Setting.Out, null, "is required: the shard's folder (its models go to DIR/store, its manifest to DIR/shard.json)."));
        }
        else if (!string.IsNullOrWhiteSpace(Out) && Sweep.FolderProblem(Out) is { } folderProblem)
        {
            problems.Add(folderProblem);
        }

        if ((shardProblem ?? (problems.Count == 0 ? ShardPlan.Problem(shard!, run.Recipes, run.Scale.Models, run.Scale.TwinsOf) : null)) is { } planProblem)
        {
            problems.Add(planProblem);
        }

        return (shard, run, problems);
    }
}
