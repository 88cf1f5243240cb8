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
public abstract class RunOptions : CommandSettings
{
    [CommandOption("--scale <SCALE>")]
    [Description("smoke (default): Fashion-MNIST, small CNN, CPU minutes; paper: CIFAR, ResNet-18, 14-recipe grid, GPU")]
    public string Scale { get; init; } = "smoke";

    [CommandOption("--dataset <NAME>")]
    [Description("fashion-mnist (default for smoke), mnist, cifar10, cifar100")]
    public string? Dataset { get; init; }

    [CommandOption("--data-dir <DIR>")]
    [Description("folder holding the dataset files (default: $MIAREPRO_DATA, else /usr/share/datasets/fashion-mnist)")]
    public string? DataDir { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto (default), cpu or cuda")]
    public string Device { get; init; } = "auto";

    [CommandOption("--recipes <LIST>")]
    [Description("comma-separated recipe names, or grid for the paper's 14 (default: the scale's recipes)")]
    public string? Recipes { get; init; }

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

    [CommandOption("--threads <T>")]
    [Description("on CPU, models trained side by side, one torch thread each (default: all cores); the results do not depend on it")]
    public int? Threads { get; init; }

    [CommandOption("--queries <Q>")]
    [Description("query views per example: 1 (identity), 2 (default: identity and mirror) or 18 (both at the 9 shifts of the reflect-padded crop grid, as LiRA's reference)")]
    public int Queries { get; init; } = QueryGrid.DefaultQueries;

    [CommandOption("--cpu-kernels <MODE>")]
    [Description("portable (default; or $MIAREPRO_CPU_KERNELS): pinned CPU kernels, the same bits for the same seed on every x86-64 CPU with AVX2; native: this CPU's fastest kernels, results that depend on the CPU")]
    public string? CpuKernels { get; init; }

    /// <summary>The run these options describe, writing to <paramref name="outDir"/> with the model store <paramref name="store"/> (null: none).</summary>
    protected RunSettings ToRunSettings(string outDir, string? store)
    {
        var recipes = Recipes is null ? null : RecipeCatalog.Parse(Recipes);
        var profile = RunSettings.Profile(Scale, Models, Population, Epochs);
        return new RunSettings(
            profile, Dataset ?? profile.Dataset, DataDir, Device, recipes ?? profile.Recipes, Seed, outDir,
            Threads ?? Environment.ProcessorCount, store, Queries, CpuKernels: Training.CpuKernels.Resolve(CpuKernels));
    }
}
