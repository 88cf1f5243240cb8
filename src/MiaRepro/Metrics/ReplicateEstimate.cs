using MiaRepro.Numerics;

namespace MiaRepro.Metrics;

/// <summary>
/// An effect estimated from R independent replicates (each its own split, keep matrix and model seeds), with a Student
/// t-interval on R − 1 degrees of freedom whose variance is the spread between the replicates — independent by
/// construction, so nothing is fitted to the data at hand and the dependence between cells inside a replicate needs no
/// model:
/// <list type="bullet">
/// <item>a difference (<see cref="Of"/>): the mean of the replicates' differences, t-interval of the mean;</item>
/// <item>a ratio of two measured sides (<see cref="OfRatio"/>): the ratio of the sides' sums over the replicates
/// (a pooled ratio, finite when one replicate's denominator is 0, as a TPR at 0.1% FPR can be), with the
/// delete-one-replicate jackknife's standard error on the log scale;</item>
/// <item>a ratio known only as ratios (<see cref="Of"/> with <c>ratio: true</c>): their geometric mean.</item>
/// </list>
/// </summary>
/// <param name="Effect">The estimate.</param>
/// <param name="Ci95">The 95% t-interval (back-transformed for a ratio).</param>
/// <param name="StandardError">The standard error of the mean, on the analysis scale (log for a ratio).</param>
/// <param name="Ratio">Whether the effect is a ratio (analysed on the log scale) rather than a difference.</param>
/// <param name="Values">Each replicate's effect, in replicate order.</param>
public sealed record ReplicateEstimate(double Effect, Interval Ci95, double StandardError, bool Ratio, IReadOnlyList<double> Values)
{
    /// <summary>The two-sided level of <see cref="Ci95"/>.</summary>
    public const double Confidence = 0.95;

    public int DegreesOfFreedom => Values.Count - 1;

    /// <summary>
    /// The estimate from <paramref name="values"/>, or null when it cannot be formed: fewer than two replicates, or a
    /// value that is not finite (or, for a ratio, not positive: TPR 0 in a replicate has no log).
    /// </summary>
    public static ReplicateEstimate? Of(IReadOnlyList<double> values, bool ratio)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2 || values.Any(v => !double.IsFinite(v) || (ratio && v <= 0)))
        {
            return null;
        }

        var scaled = values.Select(v => ratio ? Math.Log(v) : v).ToArray();
        var mean = scaled.Average();
        var variance = scaled.Sum(v => (v - mean) * (v - mean)) / (scaled.Length - 1);
        var se = Math.Sqrt(variance / scaled.Length);
        var half = StudentT.Quantile(1 - ((1 - Confidence) / 2), scaled.Length - 1) * se;
        Func<double, double> back = ratio ? Math.Exp : v => v;
        return new ReplicateEstimate(back(mean), new Interval(back(mean - half), back(mean + half)), se, ratio, [.. values]);
    }

    /// <summary>
    /// The pooled ratio Σ numerators ÷ Σ denominators of R replicates, with the delete-one-replicate jackknife: the
    /// R leave-one-out ratios θ₍ᵢ₎ give SE² = (R − 1)/R · Σ (ln θ₍ᵢ₎ − mean)², and the interval is
    /// exp(ln θ ± t(0.975, R − 1) · SE). Null with fewer than two replicates, a side that is negative or not finite, or a
    /// leave-one-out ratio that is 0 or undefined (a side that is 0 in all but one replicate).
    /// </summary>
    public static ReplicateEstimate? OfRatio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        var r = numerators.Count;
        if (r < 2 || denominators.Count != r || numerators.Concat(denominators).Any(v => !double.IsFinite(v) || v < 0))
        {
            return null;
        }

        var (top, bottom) = (numerators.Sum(), denominators.Sum());
        var leaveOneOut = Enumerable.Range(0, r).Select(i => (top - numerators[i]) / (bottom - denominators[i])).ToArray();
        if (leaveOneOut.Any(v => !double.IsFinite(v) || v <= 0))
        {
            return null;
        }

        var logs = leaveOneOut.Select(v => Math.Log(v)).ToArray();
        var mean = logs.Average();
        var se = Math.Sqrt((r - 1.0) / r * logs.Sum(v => (v - mean) * (v - mean)));
        var estimate = top / bottom;
        var half = StudentT.Quantile(1 - ((1 - Confidence) / 2), r - 1) * se;
        var ratios = numerators.Zip(denominators, (n, d) => d > 0 ? n / d : n > 0 ? double.PositiveInfinity : double.NaN).ToArray();
        return new ReplicateEstimate(estimate, new Interval(estimate * Math.Exp(-half), estimate * Math.Exp(half)), se, true, ratios);
    }

    /// <summary>
    /// The one-sided p-value of "the effect lies below <paramref name="threshold"/>": P(T ≤ t) with
    /// t = (mean − threshold) / SE on the analysis scale. Small when the replicates put the effect below it.
    /// </summary>
    public double PBelow(double threshold) => StudentT.Cdf(Statistic(threshold), DegreesOfFreedom);

    /// <summary>The one-sided p-value of "the effect lies above <paramref name="threshold"/>".</summary>
    public double PAbove(double threshold) => 1 - PBelow(threshold);

    private double Statistic(double threshold)
    {
        var mean = Ratio ? Math.Log(Effect) : Effect;
        var at = Ratio ? Math.Log(threshold) : threshold;
        return StandardError > 0 ? (mean - at) / StandardError : mean > at ? double.PositiveInfinity : mean < at ? double.NegativeInfinity : 0;
    }
}
