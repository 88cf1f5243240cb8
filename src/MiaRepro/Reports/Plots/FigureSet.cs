namespace MiaRepro.Reports.Plots;

/// <summary>The figures of a report, and for each plot that could not be drawn from the run's data, why (in words).</summary>
public sealed record FigureSet(IReadOnlyList<Figure> Figures, IReadOnlyList<string> NotDrawn);
