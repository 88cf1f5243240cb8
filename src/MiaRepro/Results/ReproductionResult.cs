using MiaRepro.Claims;

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
    Training.CpuKernelSelection Kernels) : RunSummary
{
    /// <summary>The scale's registered LiRA variant (<see cref="Recipes.ScaleProfile.LiraAttack"/>).</summary>
    public override string LiraAttack => Settings.Scale.LiraAttack;

    public override IReadOnlyList<KeyValuePair<string, Attacks.AttackSuite>> Suites =>
        [.. Recipes.Select(r => KeyValuePair.Create(r.Key, r.Value.Suite))];

    /// <summary>The dataset's image shape, classes, split sizes and normalization; null where a run was built without its data (tests).</summary>
    public RunImages? Images { get; init; }

    /// <summary>The population's images, in population order, when the run was asked to keep them (an audit); else null.</summary>
    public Data.ImageSet? Examples { get; init; }

    /// <summary>The run's settings as its outputs record them (<see cref="RunDescription"/>).</summary>
    public RunDescription Description => RunDescription.Of(this);

    /// <summary>The reduction factor of each recipe against the baseline (<see cref="ReductionFactors"/>), or null when the run computed none.</summary>
    public ReductionTable? Reductions { get; init; }

    /// <summary>The attack-dependent claims decided under each LiRA convention and RMIA (<see cref="ClaimSensitivity"/>).</summary>
    public IReadOnlyList<ClaimSensitivity> Sensitivity { get; init; } = [];
}
