using MiaRepro.Metrics;

namespace MiaRepro.Results;

/// <summary>
/// One recipe against the baseline at one FPR: baseline TPR ÷ recipe TPR with its 95% paired bootstrap interval, or
/// why it could not be measured.
/// </summary>
/// <param name="Comparison">A = the baseline, B = the recipe; null when <paramref name="Reason"/> says why not.</param>
public sealed record ReductionAt(double Fpr, PairedComparison? Comparison, string? Reason);
