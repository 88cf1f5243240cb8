namespace MiaRepro.Metrics;

/// <summary>
/// A metric of several score sets on the full data (null where undefined) and on each replicate of each
/// <see cref="BootstrapScheme"/> (per replicate, one value per set; NaN where undefined).
/// </summary>
public sealed record SchemeReplicates(double?[] Full, double[][] Crossed, double[][] Targets, double[][] Examples)
{
    /// <summary>
    /// The 95% interval of <paramref name="statistic"/> of the sets' values (NaN where any value is NaN) by
    /// <see cref="CrossedInterval"/>.
    /// </summary>
    public Interval Interval(double estimate, Func<double[], double> statistic, bool logScale)
    {
        double[] Of(double[][] replicates) =>
            [.. replicates.Select(v => v.Any(double.IsNaN) ? double.NaN : statistic(v))];
        return CrossedInterval.Of(estimate, Of(Crossed), Of(Targets), Of(Examples), logScale);
    }
}
