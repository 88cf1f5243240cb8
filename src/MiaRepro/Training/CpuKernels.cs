using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace MiaRepro.Training;

/// <summary>
/// Which CPU kernels libtorch computes with, chosen once per process before the first torch call.
/// <para>
/// libtorch picks its kernels from the host's instruction set at run time, and different kernels round differently,
/// so the same seed trains different models on different CPUs. <b>portable</b> (the default) pins each kernel library
/// to code that every x86-64 CPU with AVX2 runs the same way, bit for bit:
/// ATen's AVX2 kernels (<c>ATEN_CPU_CAPABILITY=avx2</c>); oneDNN's AVX2 convolutions (<c>ONEDNN_MAX_CPU_ISA=AVX2</c>;
/// with one thread per model their blocking does not depend on the caches); and MKL's <c>COMPATIBLE</c> reproducibility
/// branch (<c>MKL_CBWR=COMPATIBLE</c>: SSE2 without the approximate rcpps/rsqrtps, fixed blocking). MKL's own AVX2
/// branch is not enough: MKL honours it on Intel CPUs only and falls back to AUTO elsewhere (as its documentation
/// says and as <see cref="CpuKernelSelection.MklBranch"/> shows on AMD), so matrix products differed between vendors.
/// </para>
/// <para>
/// <b>native</b> leaves the process environment as it is: the CPU's fastest kernels, results that depend on the CPU.
/// </para>
/// The variables are set in the native environment (<c>setenv</c>), which libtorch, oneDNN and MKL read with
/// <c>getenv</c> when first used; ATen's capability and MKL's branch are then read back from the libraries themselves.
/// </summary>
public static class CpuKernels
{
    public const string Portable = "portable";

    public const string Native = "native";

    /// <summary>The environment variable that chooses the mode when no option does.</summary>
    public const string Variable = "MIAREPRO_CPU_KERNELS";

    /// <summary>The version of <see cref="PortablePins"/>, part of every portable model's store key: bump it with the pins.</summary>
    public const string PinVersion = "1";

    public static IReadOnlyList<string> Names { get; } = [Portable, Native];

    /// <summary>The native environment of <see cref="Portable"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> PortablePins { get; } =
    [
        new("ATEN_CPU_CAPABILITY", "avx2"),
        new("ONEDNN_MAX_CPU_ISA", "AVX2"),
        new("MKL_CBWR", "COMPATIBLE"),
    ];

    private static readonly Lock s_lock = new();
    private static CpuKernelSelection? s_current;

    /// <summary>The kernels this process uses; throws when <see cref="Use"/> has not run yet.</summary>
    public static CpuKernelSelection Current =>
        s_current ?? throw new InvalidOperationException("The CPU kernels are not chosen yet: call CpuKernels.Use before the first torch call.");

    /// <summary>The mode asked for: <paramref name="option"/>, else <see cref="Variable"/>, else <see cref="Portable"/>.</summary>
    public static string Resolve(string? option) =>
        option ?? (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : Portable);

    /// <summary>Whether <paramref name="mode"/> is one of <see cref="Names"/>.</summary>
    public static bool IsKnown(string mode) => Names.Contains(mode);

    /// <summary>
    /// Fixes this process's CPU kernels to <paramref name="mode"/> (once; the same mode again returns the same
    /// selection). Call before the first torch call. Throws <see cref="InputException"/> for an unknown mode, for
    /// <see cref="Portable"/> on a CPU without AVX2 and FMA, and for a second, different mode.
    /// </summary>
    public static CpuKernelSelection Use(string mode)
    {
        if (!IsKnown(mode))
        {
            throw new InputException(new SettingProblem(
                Setting.CpuKernels, null, $"unknown CPU kernels '{mode}' (or ${Variable}). Valid: {string.Join(", ", Names)}."));
        }

        lock (s_lock)
        {
            if (s_current is { } current)
            {
                return current.Mode == mode
                    ? current
                    : throw new InputException(new SettingProblem(
                        Setting.CpuKernels, mode,
                        $"this process already computes with the {current.Mode} CPU kernels; they are fixed per process. " +
                        $"Run the {mode} kernels in a new process."));
            }

            if (mode == Portable)
            {
                RequirePortableHost();
                foreach (var (name, value) in PortablePins)
                {
                    KernelLibraries.SetEnvironment(name, value);
                }
            }

            KernelLibraries.RetainFreedMemory();

            // Loads libtorch (after the environment is set), then reads back what its libraries use.
            _ = TorchSharp.torch.get_num_threads();
            var selection = new CpuKernelSelection(
                mode, KernelLibraries.AtenCapability(), KernelLibraries.MklBranch(),
                KernelLibraries.GetEnvironment("ONEDNN_MAX_CPU_ISA"), KernelLibraries.CpuModel());
            if (mode == Portable && (selection.AtenCapability is not (null or "AVX2") || selection.MklBranch is not (null or "COMPATIBLE")))
            {
                throw new InvalidOperationException(
                    $"The portable CPU kernels did not take effect ({selection.Describe()}): torch was used in this " +
                    "process before CpuKernels.Use, and its libraries had already chosen their kernels.");
            }

            s_current = selection;
            return selection;
        }
    }

    private static void RequirePortableHost()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new InputException(new SettingProblem(
                Setting.CpuKernels, Portable,
                $"the portable CPU kernels are defined for x86-64; this is {RuntimeInformation.ProcessArchitecture}. " +
                $"Use the {Native} kernels (or {Variable}={Native}): results then depend on this CPU."));
        }

        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            throw new InputException(new SettingProblem(
                Setting.CpuKernels, Portable,
                $"this CPU ({KernelLibraries.CpuModel()}) lacks AVX2 and FMA, which the portable CPU kernels need (every " +
                $"x86-64 CPU since 2013–2015 has them). Use the {Native} kernels (or {Variable}={Native}): results then " +
                "depend on this CPU and will not match the committed baselines."));
        }
    }
}
