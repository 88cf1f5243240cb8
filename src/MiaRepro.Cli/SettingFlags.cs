namespace MiaRepro.Cli;

/// <summary>
/// The one place where the library's settings (<see cref="Setting"/>) meet the command line's flags: a
/// <see cref="SettingProblem"/> is shown as the flag that sets it, the value, and the problem.
/// </summary>
public static class SettingFlags
{
    private static readonly Dictionary<string, string> s_flags = new(StringComparer.Ordinal)
    {
        [Setting.Scale] = "--scale",
        [Setting.Dataset] = "--dataset",
        [Setting.DataDir] = "--data-dir",
        [Setting.PopulationDir] = "--population-dir",
        [Setting.Device] = "--device",
        [Setting.Recipes] = "--recipes",
        [Setting.RecipeFiles] = "--recipe-file",
        [Setting.Models] = "--models",
        [Setting.Population] = "--population",
        [Setting.Epochs] = "--epochs",
        [Setting.Seed] = "--seed",
        [Setting.Seeds] = "--seeds",
        [Setting.Threads] = "--threads",
        [Setting.Queries] = "--queries",
        [Setting.CpuKernels] = "--cpu-kernels",
        [Setting.Store] = "--store",
        [Setting.Out] = "--out",
        [Setting.Shard] = "--shard",
        [Setting.Shards] = "SHARD_DIR...",
        [Setting.BootstrapReplicates] = "--replicates",
        [Setting.Delta] = "--delta",
        [Setting.Runs] = "RUN_DIR...",
        [Setting.DesignReplicates] = "--design-replicates",
    };

    /// <summary>The flag that sets <paramref name="setting"/>.</summary>
    /// <exception cref="ArgumentException">A setting no flag sets: a new setting needs its flag here.</exception>
    public static string Of(string setting) =>
        s_flags.TryGetValue(setting, out var flag)
            ? flag
            : throw new ArgumentException($"No command-line flag sets the setting '{setting}'; add it to {nameof(SettingFlags)}.", nameof(setting));

    /// <summary>The problem as the command line shows it: <c>--flag value: message</c>.</summary>
    public static string Describe(SettingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var flag = Of(problem.Setting);
        return problem.Value is null ? $"{flag}: {problem.Message}" : $"{flag} {problem.Value}: {problem.Message}";
    }

    /// <summary>Every setting that has a flag (for the test that every <see cref="Setting"/> has one).</summary>
    public static IReadOnlyCollection<string> Settings => s_flags.Keys;
}
