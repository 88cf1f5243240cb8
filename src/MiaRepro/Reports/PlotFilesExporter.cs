using MiaRepro.Reports.Plots;

namespace MiaRepro.Reports;

/// <summary><c>plots/*.png</c>: the figures rendered before the exporters ran (those that failed are the report's warnings).</summary>
public sealed class PlotFilesExporter : IRunExporter
{
    public string Name => "plots/";

    public void Export(RunReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        PlotRendering.Write(report.Supplement.Plots, folder);
    }
}
