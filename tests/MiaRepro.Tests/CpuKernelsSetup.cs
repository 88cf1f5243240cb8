using System.Runtime.CompilerServices;
using MiaRepro.Training;

namespace MiaRepro.Tests;

/// <summary>
/// Fixes this test process's CPU kernels (portable, or $MIAREPRO_CPU_KERNELS) before any test touches torch: libtorch
/// reads its kernel choice once, at the first torch call.
/// </summary>
internal static class CpuKernelsSetup
{
    [ModuleInitializer]
    internal static void Initialize() => CpuKernels.Use(CpuKernels.Resolve(null));
}
