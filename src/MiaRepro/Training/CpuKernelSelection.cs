namespace MiaRepro.Training;

/// <summary>
/// The CPU kernels a process trains with, as results.json, report.md and the model store record them: the mode
/// (<c>portable</c> or <c>native</c>), what libtorch's kernel libraries report they use, and the host's CPU.
/// </summary>
/// <param name="Mode"><c>portable</c> (pinned, the same bits on every x86-64 CPU with AVX2) or <c>native</c>.</param>
/// <param name="AtenCapability">ATen's kernel set in use (AVX2, AVX512, DEFAULT), as libtorch reports it; null where unknown.</param>
/// <param name="MklBranch">MKL's reproducibility branch in use (COMPATIBLE, AUTO, OFF…), as MKL reports it; null where unknown.</param>
/// <param name="OneDnnMaxIsa">oneDNN's instruction-set ceiling from the native environment (<c>ONEDNN_MAX_CPU_ISA</c>); null: the CPU's best.</param>
/// <param name="Cpu">The host CPU's model name.</param>
public sealed record CpuKernelSelection(string Mode, string? AtenCapability, string? MklBranch, string? OneDnnMaxIsa, string Cpu)
{
    /// <summary>
    /// The kernels' part of a CPU model's store key. Portable models are the same on every CPU, so the key names only
    /// the pin (and its version); native models depend on the CPU, so the key names what they were computed with.
    /// </summary>
    public string Identity => Mode == CpuKernels.Portable
        ? $"{CpuKernels.Portable}-{CpuKernels.PinVersion}"
        : $"{CpuKernels.Native}:{AtenCapability ?? "?"}:{MklBranch ?? "?"}:{OneDnnMaxIsa ?? "best"}:{Cpu}";

    /// <summary>One line for the console and report.md.</summary>
    public string Describe() =>
        $"{Mode} (ATen {AtenCapability ?? "unknown"}, oneDNN ≤ {OneDnnMaxIsa ?? "the CPU's best"}, MKL branch {MklBranch ?? "unknown"}; CPU {Cpu})";
}
