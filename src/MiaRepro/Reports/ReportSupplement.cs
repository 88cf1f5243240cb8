using MiaRepro.Reports.Plots;
using MiaRepro.Results;

namespace MiaRepro.Reports;

/// <summary>
/// What the report adds to a run's results before anything is written: the rendered plots (or, for each that
/// failed, a warning), the plots that the data could not support, and the seconds these took. No statistics: those
/// are the analysis's.
/// </summary>
/// <param name="NotDrawn">For each plot the run's data cannot support, why (in words).</param>
/// <param name="StageSeconds">Time of the report's own stages (<c>report:plots</c>).</param>
public sealed record ReportSupplement(
    IReadOnlyList<PlotOutcome> Plots,
    IReadOnlyList<string> NotDrawn,
    IReadOnlyDictionary<string, double> StageSeconds)
{
    public static ReportSupplement None { get; } = new([], [], new Dictionary<string, double>());

    /// <summary>Why each plot that should have been drawn was not: rendering failed.</summary>
    public IReadOnlyList<string> Warnings => [.. Plots.Select(p => p.Warning).OfType<string>()];
}
