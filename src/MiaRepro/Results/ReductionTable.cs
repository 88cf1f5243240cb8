namespace MiaRepro.Results;

/// <summary>
/// Reduction factors of every recipe against the baseline for one attack: baseline TPR ÷ recipe TPR at each FPR
/// (above 1: the recipe leaks less), with 95% paired bootstrap intervals.
/// </summary>
/// <param name="Reason">Why there are no rows (no baseline in the run, the attack could not run on it); null otherwise.</param>
public sealed record ReductionTable(
    string Attack, string Baseline, IReadOnlyList<double> Fprs, IReadOnlyList<RecipeReduction> Rows, string? Reason);
