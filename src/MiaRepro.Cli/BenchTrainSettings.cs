using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro bench train</c>.</summary>
public sealed class BenchTrainSettings : CommandSettings
{
    [CommandOption("--scale <SCALE>")]
    [Description("smoke (default): the settings whose training is measured")]
    public string Scale { get; init; } = "smoke";

    [CommandOption("--recipes <LIST>")]
    [Description("comma-separated recipe names, or grid for the paper's 14 (default: the scale's recipes)")]
    public string? Recipes { get; init; }

    [CommandOption("--models <K>")]
    [Description("models to train per recipe (default 2)")]
    public int Models { get; init; } = 2;

    [CommandOption("--data-dir <DIR>")]
    [Description("dataset folder (default: $MIAREPRO_DATA, else the dataset's default folder)")]
    public string? DataDir { get; init; }

    [CommandOption("--device <DEVICE>")]
    [Description("auto (default), cpu or cuda")]
    public string Device { get; init; } = "auto";

    [CommandOption("--threads <T>")]
    [Description("torch threads (default: all cores)")]
    public int? Threads { get; init; }

    [CommandOption("--cpu-kernels <MODE>")]
    [Description("portable (default; or $MIAREPRO_CPU_KERNELS): pinned CPU kernels, the same bits for the same seed on every x86-64 CPU with AVX2; native: this CPU's fastest kernels, results that depend on the CPU")]
    public string? CpuKernels { get; init; }

    [CommandOption("--probe-batches <N>")]
    [Description("SGD steps of batch 32 on random 3×32×32 images for the paper's models (ResNet-18, WRN-28-2): their per-image cost here (default 3; 0 skips)")]
    public int ProbeBatches { get; init; } = 3;
}
