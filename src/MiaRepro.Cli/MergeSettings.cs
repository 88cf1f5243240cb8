using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro merge</c>: the shards' folders, the output folder and where the dataset is here.</summary>
public sealed class MergeSettings : CommandSettings
{
    [CommandArgument(0, "[SHARD_DIR]")]
    [Description("the --out folders of every 'miarepro sweep' shard of one run (shard.json and store/ in each)")]
    public string[] Shards { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("output folder (default: out): results.json, report.md, populations/ — as reproduce writes them")]
    public string Out { get; init; } = "out";

    [CommandOption("--data-dir <DIR>")]
    [Description("the dataset's folder on this machine (default: $MIAREPRO_DATA, else the dataset's default); its content must be the shards'")]
    public string? DataDir { get; init; }
}
