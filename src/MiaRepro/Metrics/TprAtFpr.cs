namespace MiaRepro.Metrics;

/// <summary>
/// The true-positive rate at a false-positive rate <paramref name="Fpr"/>, or <c>null</c> with the
/// <paramref name="Reason"/> when there are too few non-members to measure that rate.
/// </summary>
public sealed record TprAtFpr(double Fpr, double? Tpr, string? Reason);
