using MiaRepro.Metrics;

namespace MiaRepro.Reports.Plots;

/// <summary>One ROC curve of a <see cref="RocFigure"/>: its legend text, its style index and its points (FPR &gt; 0, TPR &gt; 0).</summary>
/// <param name="Style">Index into the renderer's colours and patterns; the same index means the same look in every plot.</param>
public sealed record RocSeries(string Label, int Style, IReadOnlyList<RocPoint> Points);
