using System.ComponentModel;
using System.Globalization;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Store;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro stability</c>: reproduce's, with the master seeds instead of one seed.</summary>
public sealed class StabilitySettings : RunOptions
{
    [CommandOption("--seeds <LIST>")]
    [Description("comma-separated master seeds, at least two (default: 0,1,2,3,4); choose them after the design is frozen")]
    public string Seeds { get; init; } = "0,1,2,3,4";

    [CommandOption("--out <DIR>")]
    [Description("output folder: stability.md, stability.json and each seed's outputs in seed-S/ (default: stability)")]
    public string Out { get; init; } = "stability";

    [CommandOption("--store <DIR>")]
    [Description("model store shared by every seed (default: $MIAREPRO_STORE, else ~/.cache/miarepro)")]
    public string? Store { get; init; }

    /// <summary>The master seeds of <see cref="Seeds"/>; a malformed list is an input error naming the option.</summary>
    public IReadOnlyList<long> ParseSeeds()
    {
        var seeds = new List<long>();
        foreach (var part in Seeds.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) || seed < 0)
            {
                throw new InputException($"--seeds {Seeds}: '{part}' is not a master seed; give non-negative integers separated by commas, e.g. --seeds 101,102,103,104,105.");
            }

            seeds.Add(seed);
        }

        return seeds;
    }

    public RunSettings ToRunSettings() => ToRunSettings(Out, Store ?? ModelStore.DefaultRoot());
}
