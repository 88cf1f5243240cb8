using MiaRepro.Claims;

namespace MiaRepro.Results;

/// <summary>
/// What a run concludes from its trained populations: every recipe's attacks with intervals, the claims, the claims
/// under the other attacks, and the reduction factors — every statistic, computed once, before anything is rendered.
/// </summary>
public sealed record RunAnalysis(
    IReadOnlyDictionary<string, RecipeOutcome> Outcomes,
    IReadOnlyList<ClaimResult> Claims,
    IReadOnlyList<ClaimSensitivity> Sensitivity,
    ReductionTable Reductions);
