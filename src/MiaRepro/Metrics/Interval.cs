namespace MiaRepro.Metrics;

/// <summary>A closed interval [<paramref name="Lower"/>, <paramref name="Upper"/>]; bounds may be infinite.</summary>
public sealed record Interval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>
    /// The percentile interval of <paramref name="values"/> between quantiles <paramref name="lower"/> and
    /// <paramref name="upper"/>, interpolated linearly between order statistics (NumPy's default).
    /// </summary>
    public static Interval Percentile(IReadOnlyList<double> values, double lower = 0.025, double upper = 0.975)
    {
        if (values.Count == 0)
        {
            return new Interval(double.NaN, double.NaN);
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new Interval(Quantile(sorted, lower), Quantile(sorted, upper));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var fraction = position - below;
        var a = sorted[below];
        var b = sorted[above];
        return fraction == 0.0 || a == b ? a : a + ((b - a) * fraction);
    }
}
