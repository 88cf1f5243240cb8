namespace MiaRepro.Reports.Plots;

/// <summary>One recipe's models in a <see cref="GapFigure"/>.</summary>
/// <param name="Style">Index into the renderer's colours and markers; a recipe keeps its index in every plot of a run.</param>
public sealed record GapSeries(string Recipe, int Style, IReadOnlyList<GapPoint> Points);
