using System.Diagnostics;
using MiaRepro.Reports.Plots;
using MiaRepro.Results;

namespace MiaRepro.Reports;

/// <summary>
/// Writes a run's outputs under <c>--out</c> from its <see cref="RunSummary"/>: renders the figures, then runs every
/// <see cref="Exporters">exporter</see> in order into a staging folder that then replaces the output folder whole
/// (<see cref="OutputFolder"/>): never a mix of two runs, nothing stale. A plot that fails to render is a warning
/// (returned, and written into <c>report.md</c> and <c>results.json</c>), never a failed run.
/// </summary>
public static class OutputWriter
{
    /// <summary>The exporters, in the order they write: the arrays, the plots, <c>report.md</c>, then <c>results.json</c>.</summary>
    public static IReadOnlyList<IRunExporter> Exporters { get; } =
        [new PopulationArraysExporter(), new PlotFilesExporter(), new ReportMarkdownExporter(), new ResultsJsonExporter()];

    /// <returns>The warnings of the report (plots that failed to render), for the console.</returns>
    public static IReadOnlyList<string> Write(RunSummary summary, string outDir, IPlotRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(summary);

        // Render first: a failure here must not leave a partial set of outputs behind.
        var watch = Stopwatch.StartNew();
        var figures = ReportFigures.For(summary);
        var plots = PlotRendering.Render(figures.Figures, renderer ?? new ScottPlotRenderer());
        var report = new RunReport(
            summary, new ReportSupplement(plots, figures.NotDrawn, new Dictionary<string, double> { ["report:plots"] = watch.Elapsed.TotalSeconds }));
        OutputFolder.Replace(outDir, staging =>
        {
            foreach (var exporter in Exporters)
            {
                exporter.Export(report, staging);
            }
        });
        return report.Supplement.Warnings;
    }
}
