using System.ComponentModel;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Training;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>
/// The options that decide a run (docs/cli.md), shared by <c>miarepro reproduce</c> and
/// <c>miarepro sweep</c>: a shard of a sweep is a share of the very run <c>reproduce</c> would make.
/// </summary>
public abstract class RunOptions : RecipeOptions
{
    [CommandOption("--dataset <NAME>")]
    [Description("fashion-mnist (default for smoke), mnist, cifar10, cifar100, or one's own: npy (NumPy arrays) or image-folder (PNG/JPEG, a subfolder per class), with --data-dir (docs/data.md)")]
    public string? Dataset { get; init; }

    [CommandOption("--models <K>")]
    [Description("models per recipe (even, ≥ 4)")]
    public int? Models { get; init; }

    [CommandOption("--population <N>")]
    [Description("population examples")]
    public int? Population { get; init; }

    [CommandOption("--epochs <E>")]
    [Description("training epochs (the early-stopping recipes may stop sooner)")]
    public int? Epochs { get; init; }

    [CommandOption("--seed <S>")]
    [Description("master seed (default 0): fixes keep matrix, split, and every model's seed")]
    public long Seed { get; init; }

    [CommandOption("--queries <Q>")]
    [Description("query views per example: 1 (identity), 2 (default: identity and mirror) or 18 (both at the 9 shifts of the reflect-padded crop grid, as LiRA's reference)")]
    public int Queries { get; init; } = QueryGrid.DefaultQueries;

    /// <summary>The run these options describe, writing to <paramref name="outDir"/> with the model store <paramref name="store"/> (null: none).</summary>
    /// <param name="unnamed">The recipes when none is named (default: the scale's).</param>
    protected RunSettings ToRunSettings(string outDir, string? store, IReadOnlyList<string>? unnamed = null)
    {
        var profile = RunSettings.Profile(Scale, Models, Population, Epochs);
        var (recipes, fromFiles) = RecipesOf(profile, unnamed);
        return new RunSettings(
            profile, Dataset ?? profile.Dataset, DataDir, Device, recipes, Seed, outDir,
            ThreadCount, store, Queries, CpuKernels: Training.CpuKernels.Resolve(CpuKernels))
        {
            FileRecipes = fromFiles,
        };
    }
}
