using System.Globalization;
using System.Text;
using MiaRepro.Metrics;

namespace MiaRepro.Reports.Plots;

/// <summary>
/// Log10 axes for plots: values are drawn as log10(v), with labelled ticks at the decades (10⁻⁵ … 10⁰, or percentages)
/// and minor ticks at 2…9 × 10^k. ROC curves are thinned for drawing: points with FPR or TPR 0 have no place on a log
/// axis and are left out (the curve starts at its first point with FPR &gt; 0), and of each 1/<see cref="BinsPerDecade"/>
/// of a decade of FPR only the first and last points are kept — the curve is monotone, so what is dropped lies
/// within a bin narrower than a pixel.
/// </summary>
public static class LogAxis
{
    /// <summary>The smallest FPR (and TPR) a log–log ROC plot shows: 0.001%, the smallest FPR results.json reports.</summary>
    public const double MinFpr = 1e-5;

    /// <summary>FPR bins per decade when thinning a curve: 200, finer than a pixel on an 800-pixel plot of 5 decades.</summary>
    public const int BinsPerDecade = 200;

    /// <summary>The points of <paramref name="points"/> (in ROC order) that a log–log plot draws.</summary>
    public static IReadOnlyList<RocPoint> Thin(IReadOnlyList<RocPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var drawable = points.Where(p => p.Fpr > 0.0 && p.Tpr > 0.0).ToList();
        var kept = new List<RocPoint>();
        for (var i = 0; i < drawable.Count; i++)
        {
            var bin = Bin(drawable[i].Fpr);
            var firstOfBin = i == 0 || Bin(drawable[i - 1].Fpr) != bin;
            var lastOfBin = i == drawable.Count - 1 || Bin(drawable[i + 1].Fpr) != bin;
            if (firstOfBin || lastOfBin)
            {
                kept.Add(drawable[i]);
            }
        }

        return kept;
    }

    /// <summary>
    /// Ticks between log10 positions <paramref name="minLog"/> and <paramref name="maxLog"/>: a major tick at each
    /// decade and minor ticks at 2…9 × 10^k. So that a short axis never has fewer than three labels, 2 × 10^k and
    /// 5 × 10^k are labelled too when fewer than three decades fall in the range, and every tick when the range
    /// spans less than 1.2 decades.
    /// </summary>
    /// <param name="label">The label of a tick at value 10^position (<see cref="DecadeLabel"/>, <see cref="PercentLabel"/>).</param>
    public static IReadOnlyList<LogTick> Ticks(double minLog, double maxLog, Func<double, string> label)
    {
        ArgumentNullException.ThrowIfNull(label);
        const double Tolerance = 1e-9;
        var ticks = new List<LogTick>();
        var decades = (int)Math.Floor(maxLog + Tolerance) - (int)Math.Ceiling(minLog - Tolerance) + 1;
        var labelled = maxLog - minLog < 1.2 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : decades < 3 ? new[] { 1, 2, 5 } : [1];
        for (var k = (int)Math.Floor(minLog); k <= (int)Math.Ceiling(maxLog); k++)
        {
            for (var m = 1; m <= 9; m++)
            {
                var position = k + Math.Log10(m);
                if (position >= minLog - Tolerance && position <= maxLog + Tolerance)
                {
                    ticks.Add(new LogTick(position, labelled.Contains(m) ? label(m * Math.Pow(10, k)) : null));
                }
            }
        }

        return ticks;
    }

    /// <summary>A power of ten as 10⁻⁵ … 10⁰ (<see cref="Decade"/>), any other value as a decimal.</summary>
    public static string DecadeLabel(double value)
    {
        var exponent = (int)Math.Round(Math.Log10(value));
        return Math.Abs(value - Math.Pow(10, exponent)) <= 1e-9 * value ? Decade(exponent) : value.ToString("0.#########", CultureInfo.InvariantCulture);
    }

    /// <summary>A rate as a percentage: 0.2 → "20%", 1e-5 → "0.001%".</summary>
    public static string PercentLabel(double value) => value.ToString("0.#########%", CultureInfo.InvariantCulture);

    /// <summary>"10⁻⁵", "10⁰", "10²": ten to the power <paramref name="exponent"/>, with superscript digits.</summary>
    public static string Decade(int exponent)
    {
        const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = new StringBuilder("10");
        if (exponent < 0)
        {
            text.Append('⁻');
        }

        foreach (var digit in Math.Abs(exponent).ToString(CultureInfo.InvariantCulture))
        {
            text.Append(Superscripts[digit - '0']);
        }

        return text.ToString();
    }

    private static int Bin(double fpr) => (int)Math.Floor(Math.Log10(fpr) * BinsPerDecade);
}
