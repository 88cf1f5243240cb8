using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The device group, declared once for every command that trains (<c>reproduce</c>, <c>stability</c>, <c>sweep</c>, <c>bench train</c>).</summary>
public abstract class DeviceOptions : DataOptions
{
    [CommandOption("--device <DEVICE>")]
    [Description("auto (default), cpu or cuda")]
    public string Device { get; init; } = "auto";

    [CommandOption("--threads <T>")]
    [Description("on CPU, models trained side by side, one torch thread each (default: all cores); the results do not depend on it")]
    public int? Threads { get; init; }

    [CommandOption("--cpu-kernels <MODE>")]
    [Description("portable (default; or $MIAREPRO_CPU_KERNELS): pinned CPU kernels, the same bits for the same seed on every x86-64 CPU with AVX2; native: this CPU's fastest kernels, results that depend on the CPU")]
    public string? CpuKernels { get; init; }

    /// <summary>The threads asked for, else every core.</summary>
    public int ThreadCount => Threads ?? Environment.ProcessorCount;
}
