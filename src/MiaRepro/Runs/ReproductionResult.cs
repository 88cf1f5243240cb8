using MiaRepro.Claims;

namespace MiaRepro.Runs;

/// <summary>The outcome of a reproduction run: settings, provenance, every recipe's outcome, the claims, and time per stage.</summary>
public sealed record ReproductionResult(
    RunSettings Settings,
    string Device,
    string DatasetSource,
    long KeepSeed,
    long SplitSeed,
    IReadOnlyDictionary<string, RecipeOutcome> Recipes,
    IReadOnlyList<ClaimResult> Claims,
    IReadOnlyDictionary<string, double> StageSeconds);
