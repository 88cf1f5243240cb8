using MiaRepro.IO;

namespace MiaRepro.Reports.Plots;

/// <summary>
/// Renders the report's figures in memory and writes them under <c>plots/</c>. A plot that fails to render (a
/// missing native library, a missing font) never fails the run: its failure becomes a warning that
/// <c>report.md</c>, <c>results.json</c> and the console show, and every other output is still written.
/// </summary>
public static class PlotRendering
{
    public static IReadOnlyList<PlotOutcome> Render(IReadOnlyList<Figure> figures, IPlotRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(renderer);
        var outcomes = new List<PlotOutcome>(figures.Count);
        foreach (var figure in figures)
        {
            try
            {
                outcomes.Add(new PlotOutcome(figure, renderer.RenderPng(figure), null));
            }
#pragma warning disable CA1031 // Any failure of the plotting library (native loading, fonts, drawing) becomes a warning by design.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcomes.Add(new PlotOutcome(figure, null, $"{figure.RelativePath} was not drawn: {e.GetType().Name}: {Innermost(e).Message}"));
            }
        }

        return outcomes;
    }

    /// <summary>Writes each rendered PNG atomically under <paramref name="outDir"/>.</summary>
    public static void Write(IReadOnlyList<PlotOutcome> outcomes, string outDir)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            if (outcome.Png is { } png)
            {
                AtomicFile.Write(Path.Combine(outDir, Figure.Folder, outcome.Figure.FileName), s => s.Write(png));
            }
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
