using System.ComponentModel;
using System.Globalization;
using MiaRepro.Reports;
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

    /// <summary>The master seeds of <see cref="Seeds"/>, the template run, and every problem of them (with the output folder's).</summary>
    public (IReadOnlyList<long> Seeds, RunSettings Template, IReadOnlyList<SettingProblem> Problems) Read()
    {
        var template = ToRunSettings(Out, Store ?? ModelStore.DefaultRoot());
        List<SettingProblem> problems = [.. template.Problems()];
        if (template.Scale.Replicates > 1)
        {
            problems.Add(new SettingProblem(
                MiaRepro.Setting.Scale, template.Scale.Name, "is replicated and decides its claims from its replicates; run it with `reproduce --scale claims --seed S`, or stability at --scale smoke."));
        }

        if (Seed != 0)
        {
            problems.Add(new SettingProblem(
                MiaRepro.Setting.Seed, Seed.ToString(CultureInfo.InvariantCulture), "stability runs several master seeds; give them as --seeds, e.g. --seeds 101,102,103,104,105."));
        }

        var seeds = new List<long>();
        foreach (var part in Seeds.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) || seed < 0)
            {
                problems.Add(new SettingProblem(
                    MiaRepro.Setting.Seeds, Seeds, $"'{part}' is not a master seed; give non-negative integers separated by commas, e.g. --seeds 101,102,103,104,105."));
                return (seeds, template, problems);
            }

            seeds.Add(seed);
        }

        if (StabilityRun.SeedsProblem(seeds) is { } seedsProblem)
        {
            problems.Add(seedsProblem);
        }

        if (OutputFolder.Problem(Out, OutputLayout.Stability, RecipeFileInputs) is { } outProblem)
        {
            problems.Add(outProblem);
        }

        return (seeds, template, [.. problems.Distinct()]);
    }
}
