using MiaRepro.Claims;
using MiaRepro.Metrics;

namespace MiaRepro.Results;

/// <summary>
/// The outcome of a reproduction run: settings, provenance, every recipe's outcome, the claims, time per stage, and
/// the CPU kernels the process computed with.
/// </summary>
public sealed record ReproductionResult(
    RunSettings Settings,
    string Device,
    string DatasetSource,
    long KeepSeed,
    long SplitSeed,
    IReadOnlyDictionary<string, RecipeOutcome> Recipes,
    IReadOnlyList<ClaimResult> Claims,
    IReadOnlyDictionary<string, double> StageSeconds,
    Training.CpuKernelSelection Kernels)
{
    /// <summary>The run's TPR comparisons (those the claims made included), for the report's reduction factors.</summary>
    public PairedComparisons Comparisons { get; init; } = new(Settings.BootstrapReplicates, (ulong)Settings.BootstrapSeed);

    /// <summary>The attack-dependent claims decided under each LiRA convention and RMIA (<see cref="ClaimSensitivity"/>).</summary>
    public IReadOnlyList<ClaimSensitivity> Sensitivity { get; init; } = [];
}
