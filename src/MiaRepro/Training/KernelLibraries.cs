using System.Runtime.InteropServices;

namespace MiaRepro.Training;

/// <summary>
/// The native side of <see cref="CpuKernels"/>: the C library's environment (what libtorch, oneDNN and MKL read
/// with <c>getenv</c>; on Linux .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only
/// a managed copy) and what libtorch's kernel libraries report they use.
/// </summary>
internal static partial class KernelLibraries
{
    /// <summary>
    /// Sets <paramref name="name"/> in the process's native environment only (elsewhere than Unix, the managed one):
    /// child processes, started from the managed copy, choose their own kernels.
    /// </summary>
    public static void SetEnvironment(string name, string value)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            Environment.SetEnvironmentVariable(name, value);
            return;
        }

        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary><paramref name="name"/> as native code reads it with <c>getenv</c> (the managed copy elsewhere).</summary>
    public static string? GetEnvironment(string name) =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
            ? Marshal.PtrToStringUTF8(getenv(name))
            : Environment.GetEnvironmentVariable(name);

    /// <summary>
    /// ATen's CPU capability in use (<c>at::get_cpu_capability()</c>: DEFAULT, AVX2, AVX512…), or null where this
    /// libtorch does not export it. The first call fixes it from <c>ATEN_CPU_CAPABILITY</c>, as the first kernel would.
    /// </summary>
    public static string? AtenCapability()
    {
        // std::string at::get_cpu_capability(), libstdc++'s C++11 ABI: returned through a hidden pointer to a
        // 32-byte std::string { char* data; size_t length; char local[16]; }. The names fit the local buffer.
        var buffer = Marshal.AllocHGlobal(32);
        try
        {
            get_cpu_capability(buffer);
            var data = Marshal.ReadIntPtr(buffer);
            var length = Marshal.ReadInt64(buffer, 8);
            return length is > 0 and < 64 ? Marshal.PtrToStringUTF8(data, (int)length) : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <summary>
    /// MKL's conditional-numerical-reproducibility branch in use (<c>mkl_cbwr_get(MKL_CBWR_BRANCH)</c>: OFF, AUTO,
    /// COMPATIBLE, AVX2…), or null where this libtorch does not export it. The first call fixes it from <c>MKL_CBWR</c>.
    /// </summary>
    public static string? MklBranch()
    {
        try
        {
            return mkl_serv_cbwr_get(MklCbwrBranch) switch
            {
                0 or 1 => "OFF",
                2 => "AUTO",
                3 => "COMPATIBLE",
                4 => "SSE2",
                8 => "SSE4_2",
                9 => "AVX",
                10 => "AVX2",
                12 => "AVX512",
                14 => "AVX512_E1",
                var other => $"branch {other}",
            };
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The CPU's model name (<c>/proc/cpuinfo</c>), or its architecture where that cannot be read.</summary>
    public static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line?.IndexOf(':') is { } colon and > 0)
            {
                return line[(colon + 1)..].Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable: the architecture is all that is known.
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>
    /// Keeps freed memory in the C heap instead of handing it back to the kernel. With glibc's defaults every tensor of
    /// a training step above the (adaptive) mmap threshold is mapped and unmapped, and freed arena tops are trimmed, so
    /// each step faults in and zeroes its pages again: a fifth of a 2-core training's CPU time was the kernel's
    /// (<c>perf</c>: <c>clear_page_erms</c>, page faults). Blocks up to 64 MiB (an evaluation batch's activations)
    /// now come from the heap, which keeps up to 256 MiB free before trimming. The memory a process holds stays
    /// bounded (it reuses what it keeps); the numbers computed do not change. Does nothing where the C library is not
    /// glibc (<c>mallopt</c> missing) or the system not Linux.
    /// </summary>
    public static void RetainFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = mallopt(MallocMmapThreshold, 64 << 20);
            _ = mallopt(MallocTrimThreshold, 256 << 20);
            _ = mallopt(MallocTopPad, 64 << 20);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc: its allocator keeps its own policy.
        }
    }

    private const int MklCbwrBranch = 1;

    private const int MallocTrimThreshold = -1;

    private const int MallocTopPad = -2;

    private const int MallocMmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr getenv(string name);

    [LibraryImport("libtorch_cpu", EntryPoint = "_ZN2at18get_cpu_capabilityB5cxx11Ev")]
    private static partial IntPtr get_cpu_capability(IntPtr result);

    [LibraryImport("libtorch_cpu", EntryPoint = "mkl_serv_cbwr_get")]
    private static partial int mkl_serv_cbwr_get(int what);
}
