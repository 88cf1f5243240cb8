using MiaRepro.Claims;
using MiaRepro.Metrics;

namespace MiaRepro.Results;

/// <summary>What a run concludes from its trained populations: every recipe's attacks with intervals, the claims, and the paired comparisons made.</summary>
public sealed record RunAnalysis(
    IReadOnlyDictionary<string, RecipeOutcome> Outcomes,
    IReadOnlyList<ClaimResult> Claims,
    PairedComparisons Comparisons,
    IReadOnlyList<ClaimSensitivity> Sensitivity);
