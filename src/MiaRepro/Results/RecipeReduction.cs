namespace MiaRepro.Results;

/// <summary>How much less a recipe leaks than the baseline, at each FPR of <see cref="ReductionTable.Fprs"/>.</summary>
public sealed record RecipeReduction(string Recipe, IReadOnlyList<ReductionAt> At);
