namespace MiaRepro.Claims;

/// <summary>
/// One measured part of a claim that is decided from several (C3: "lowers" and "the most"), or a number the claim
/// reports beside its verdict without testing it (C3: the largest reduction factor, "up to two orders of magnitude").
/// </summary>
/// <param name="Name">A stable key, e.g. <c>below_each_technique</c>.</param>
/// <param name="Effect">The measured effect on the full data; null when it cannot be measured.</param>
/// <param name="Ci95">Its 95% interval [lower, upper]; null when it cannot be measured.</param>
/// <param name="Threshold">The pre-registered threshold; null for a reported number.</param>
/// <param name="Verdict">The part's own verdict; null for a reported number.</param>
public sealed record ClaimPart(string Name, string Measure, double? Effect, double[]? Ci95, double? Threshold, Verdict? Verdict)
{
    /// <summary>Whether the effect is a ratio (compared on the log scale) rather than a difference.</summary>
    public bool Ratio { get; init; } = true;

    /// <summary>
    /// A ratio's two sides on the full data (e.g. the two TPRs), when measured: a replicated design pools them over its
    /// replicates (<see cref="Metrics.ReplicateEstimate.OfRatio"/>). Null for a difference, or a ratio known only as one.
    /// </summary>
    public (double Numerator, double Denominator)? Sides { get; init; }

    /// <summary>Each replicate's effect, for a part decided from independent replicates (empty for a single run).</summary>
    public IReadOnlyList<double?> Replicates { get; init; } = [];
}
