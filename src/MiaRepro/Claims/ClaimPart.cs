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
public sealed record ClaimPart(string Name, string Measure, double? Effect, double[]? Ci95, double? Threshold, Verdict? Verdict);
