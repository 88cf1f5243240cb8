namespace MiaRepro.Metrics;

/// <summary>
/// The 95% bootstrap interval of the TPR at FPR <paramref name="Fpr"/>: null when that TPR is null on the full data
/// (too few non-members) or in every replicate.
/// </summary>
/// <param name="Undefined">Replicates left out because they drew too few non-members (weighted) for this FPR.</param>
public sealed record TprInterval(double Fpr, Interval? Ci95, int Undefined);
