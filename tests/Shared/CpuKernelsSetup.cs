using System.Runtime.CompilerServices;
using MiaRepro.Training;

namespace MiaRepro.TestHosts;

/// <summary>
/// Fixes the CPU kernels of a test process (portable, or $MIAREPRO_CPU_KERNELS) before any test touches torch:
/// libtorch reads its kernel choice once, at the first torch call. Compiled into both test hosts (tests/, experiments/).
/// </summary>
internal static class CpuKernelsSetup
{
    /// <summary>
    /// A host where the kernels cannot be fixed (no AVX2 for portable ones, libtorch missing) still runs the tests that
    /// need no torch; those that do fail with the reason (<see cref="CpuKernels.Current"/>), which is printed here too.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        try
        {
            CpuKernels.Use(CpuKernels.Resolve(null));
        }
#pragma warning disable CA1031 // Whatever stops torch from loading must not stop the tests that do not use it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"The CPU kernels could not be fixed: {e.Message}");
        }
    }
}
