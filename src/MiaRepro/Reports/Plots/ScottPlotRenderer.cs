using MiaRepro.Reports.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace MiaRepro.Reports.Plots;

/// <summary>
/// Renders figures to 800 × 600 PNGs with ScottPlot 5 (SkiaSharp, headless). ScottPlot has no log axis: values are
/// drawn as their log10 and the ticks carry the labels 10⁻⁵ … 10⁰ (<see cref="LogAxis"/>). The same input gives the
/// same image: no randomness, no time stamps, a fixed size and palette.
/// </summary>
public sealed class ScottPlotRenderer : IPlotRenderer
{
    public const int Width = 800;
    public const int Height = 600;

    /// <summary>The font of every text (installed with the Debian package fonts-dejavu-core); ScottPlot falls back to another if it is missing.</summary>
    public const string FontName = "DejaVu Sans";

    private static readonly Color[] s_colours = new ScottPlot.Palettes.Category10().Colors;

    private static readonly MarkerShape[] s_markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];

    public byte[] RenderPng(Figure figure) => figure switch
    {
        RocFigure roc => Roc(roc),
        GapFigure gap => Gap(gap),
        null => throw new ArgumentNullException(nameof(figure)),
        _ => throw new NotSupportedException($"No rendering for {figure.GetType().Name}."),
    };

    /// <summary>Series beyond the palette's ten colours repeat them with a dashed line.</summary>
    public static LinePattern Pattern(int style) => style / s_colours.Length % 2 == 0 ? LinePattern.Solid : LinePattern.Dashed;

    private static Color Colour(int style) => s_colours[style % s_colours.Length];

    private static MarkerShape Marker(int style) => s_markers[style / s_colours.Length % s_markers.Length];

    private static byte[] Roc(RocFigure figure)
    {
        using var plot = NewPlot(figure.Title, "false-positive rate (log scale)", "true-positive rate (log scale)");
        var min = Math.Log10(LogAxis.MinFpr);
        var chance = plot.Add.Line(min, min, 0, 0);
        chance.LineColor = Colors.Gray;
        chance.LinePattern = LinePattern.Dashed;
        chance.LineWidth = 1.5f;
        chance.LegendText = "chance (TPR = FPR)";
        if (figure.NonMembers > 0 && Math.Log10(10.0 / figure.NonMembers) is var tenFalsePositives && tenFalsePositives > min)
        {
            var line = plot.Add.VerticalLine(tenFalsePositives, 1.5f, Colors.Gray, LinePattern.Dotted);
            line.LegendText = "10 false positives\n(fewer to the left)";
        }

        foreach (var series in figure.Series)
        {
            var curve = plot.Add.ScatterLine(
                series.Points.Select(p => Math.Log10(p.Fpr)).ToArray(), series.Points.Select(p => Math.Log10(p.Tpr)).ToArray(), Colour(series.Style));
            curve.LineWidth = 2;
            curve.LinePattern = Pattern(series.Style);
            curve.LegendText = series.Label;
        }

        SetLogTicks(plot.Axes.Bottom, min, 0, LogAxis.DecadeLabel);
        SetLogTicks(plot.Axes.Left, min, 0, LogAxis.DecadeLabel);
        plot.Axes.SetLimits(min, 0, min, 0);
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Gap(GapFigure figure)
    {
        var fpr = NumberText.FormatPercent(figure.Fpr);
        using var plot = NewPlot(
            figure.Title, "generalization gap (train accuracy − test accuracy)", $"{figure.Attack} TPR at {fpr} FPR (log scale)");
        var floor = Math.Log10(figure.ZeroFloor);
        var all = figure.Series.SelectMany(s => s.Points).ToList();
        var hasZeros = all.Any(p => p.Tpr == 0.0);
        var markerSize = all.Count > 200 ? 6f : 9f; // hundreds of models (paper scale) would hide each other
        if (hasZeros)
        {
            var zero = plot.Add.HorizontalLine(floor, 1.5f, Colors.Gray, LinePattern.Dashed);
            zero.LegendText = "TPR = 0 (open markers)";
        }

        foreach (var series in figure.Series)
        {
            var colour = Colour(series.Style);
            var positive = series.Points.Where(p => p.Tpr > 0.0).ToList();
            var points = plot.Add.ScatterPoints(
                positive.Select(p => p.Gap).ToArray(), positive.Select(p => Math.Log10(p.Tpr)).ToArray(), colour);
            points.MarkerShape = Marker(series.Style);
            points.MarkerSize = markerSize;
            points.LegendText = series.Recipe;
            var zeros = series.Points.Where(p => p.Tpr == 0.0).ToList();
            if (zeros.Count > 0)
            {
                var open = plot.Add.ScatterPoints(zeros.Select(p => p.Gap).ToArray(), zeros.Select(_ => floor).ToArray(), colour);
                open.MarkerShape = MarkerShape.OpenCircle;
                open.MarkerSize = markerSize;
                open.MarkerLineWidth = 1.5f;
            }
        }

        var logs = all.Select(p => p.Tpr > 0.0 ? Math.Log10(p.Tpr) : floor).ToList();
        var (bottom, top) = Padded(logs.Min(), logs.Max(), minimumSpan: 0.6, upperLimit: 0.0);
        var (left, right) = Padded(all.Min(p => p.Gap), all.Max(p => p.Gap), minimumSpan: 0.02, upperLimit: double.PositiveInfinity);
        SetLogTicks(plot.Axes.Left, bottom, top, LogAxis.PercentLabel);
        plot.Axes.SetLimits(left, right, bottom, top);
        plot.Grid.XAxisStyle.MinorLineStyle.Width = 0;
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 17);
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
        plot.Legend.FontSize = 11;
        return plot;
    }

    private static void SetLogTicks(IAxis axis, double minLog, double maxLog, Func<double, string> label)
    {
        var ticks = new NumericManual();
        foreach (var tick in LogAxis.Ticks(minLog, maxLog, label))
        {
            if (tick.Label is { } text)
            {
                ticks.AddMajor(tick.Position, text);
            }
            else
            {
                ticks.AddMinor(tick.Position);
            }
        }

        axis.TickGenerator = ticks;
        axis.TickLabelStyle.FontSize = 14;
    }

    /// <summary>[min, max] widened by 8% of its span on each side, to at least <paramref name="minimumSpan"/>, capped above.</summary>
    private static (double Low, double High) Padded(double min, double max, double minimumSpan, double upperLimit)
    {
        var span = Math.Max(max - min, minimumSpan);
        var centre = (min + max) / 2.0;
        var low = centre - (span * 0.58);
        var high = Math.Min(centre + (span * 0.58), upperLimit + (span * 0.08));
        return (low, high);
    }
}
