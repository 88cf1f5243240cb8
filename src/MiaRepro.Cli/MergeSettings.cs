using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro merge</c>: the shards' folders, the output folder and where the dataset is here.</summary>
public sealed class MergeSettings : DataOptions
{
    [CommandArgument(0, "[SHARD_DIR]")]
    [Description("the --out folders of every 'miarepro sweep' shard of one run (shard.json and store/ in each)")]
    public string[] Shards { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description($"output folder (default: {OutputDefaults.Folder}): results.json, report.md, populations/ — as reproduce writes them")]
    public string Out { get; init; } = OutputDefaults.Folder;
}
