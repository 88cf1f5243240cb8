namespace MiaRepro;

/// <summary>
/// Named moments inside MiaRepro's writes at which the fault-injection tests kill the process: with
/// <c>MIAREPRO_FAULT_PAUSE=&lt;name&gt;</c> and <c>MIAREPRO_FAULT_SIGNAL=&lt;file&gt;</c> in its environment, a process
/// that reaches the point creates the file and waits there forever, so that a test can kill it exactly inside the
/// window (a kill at a random moment would reach it only by chance). Without the variables a point does nothing.
/// The points are armed only in a build whose output folder holds <see cref="ArmingFile"/>, which the test project's
/// build alone puts there: in the command line's own build (<c>./miarepro</c>, a release) the variables do nothing.
/// </summary>
public static class FaultPoint
{
    /// <summary>The file beside the assemblies that arms the points (tests/MiaRepro.Tests copies it into its output).</summary>
    public const string ArmingFile = "miarepro-fault-points.enabled";

    private static readonly bool s_armed = IsArmedIn(AppContext.BaseDirectory);

    /// <summary>Whether a build whose assemblies lie in <paramref name="baseDirectory"/> has its fault points armed.</summary>
    public static bool IsArmedIn(string baseDirectory) => File.Exists(Path.Combine(baseDirectory, ArmingFile));

    public const string PauseVariable = "MIAREPRO_FAULT_PAUSE";

    public const string SignalVariable = "MIAREPRO_FAULT_SIGNAL";

    /// <summary>In <see cref="Store.ModelStore.Save"/>: the model's arrays written into its staging folder, its manifest not yet.</summary>
    public const string StoreWrite = "store-write";

    /// <summary>While a run's outputs are written into the staging folder: populations, plots and report written, <c>results.json</c> not yet.</summary>
    public const string OutputWrite = "output-write";

    /// <summary>While the staging folder replaces the output folder: the old folder moved aside, the new one not yet in place.</summary>
    public const string OutputSwap = "output-swap";

    public static IReadOnlyList<string> Names { get; } = [StoreWrite, OutputWrite, OutputSwap];

    /// <summary>Waits here forever when the environment names <paramref name="name"/>; otherwise returns at once.</summary>
    public static void Reach(string name)
    {
        if (!s_armed || Environment.GetEnvironmentVariable(PauseVariable) != name)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(SignalVariable) is { Length: > 0 } signal)
        {
            // A new file only: the signal never overwrites one that exists.
            using var stream = new FileStream(signal, FileMode.CreateNew, FileAccess.Write);
            stream.Write(System.Text.Encoding.UTF8.GetBytes($"{name} {Environment.ProcessId}"));
        }

        Thread.Sleep(Timeout.Infinite);
    }
}
