namespace MiaRepro.Numerics;

/// <summary>The standard normal distribution: density, distribution function and their logarithms.</summary>
public static class StandardNormal
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double HalfLogTwoPi = 0.91893853320467274;

    /// <summary>Φ(z) = P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * ErrorFunction.Erfc(-z / Sqrt2);

    /// <summary>
    /// log Φ(z), finite for every z with |z| &lt; 1e154: for z &lt; −1 it is log(½·erfcx(−z/√2)) − z²/2, so
    /// log Φ(−1e4) ≈ −5e7 rather than −∞; for z &gt; 0 it is log1p(−Φ(−z)), so it keeps its precision near 0.
    /// </summary>
    public static double LogCdf(double z)
    {
        var x = SeriesArgument(z);
        return LogCdf(z, x, ErrorFunction.SeriesSumIfUsed(x));
    }

    /// <summary>
    /// <see cref="LogCdf(double)"/> of every <paramref name="z"/> into <paramref name="values"/> (which may be the same
    /// memory), bit for bit, with the series of the error function summed four values at a time.
    /// </summary>
    public static void LogCdf(ReadOnlySpan<double> z, Span<double> values)
    {
        if (values.Length < z.Length)
        {
            throw new ArgumentException($"{values.Length} values for {z.Length} arguments.", nameof(values));
        }

        const int Block = 256;
        Span<double> x = stackalloc double[Block];
        Span<double> series = stackalloc double[Block];
        Span<double> sums = stackalloc double[Block];
        for (var start = 0; start < z.Length; start += Block)
        {
            var block = z.Slice(start, Math.Min(Block, z.Length - start));
            for (var i = 0; i < block.Length; i++)
            {
                x[i] = SeriesArgument(block[i]);
                series[i] = x[i] < ErrorFunction.SeriesLimit ? x[i] : 0.0; // NaN and the continued fraction's range need no sum
            }

            ErrorFunction.SeriesSums(series[..block.Length], sums);
            for (var i = 0; i < block.Length; i++)
            {
                values[start + i] = LogCdf(block[i], x[i], x[i] < ErrorFunction.SeriesLimit ? sums[i] : double.NaN);
            }
        }
    }

    /// <summary>
    /// log Φ(z) as described at <see cref="LogCdf(double)"/>, from x = |z|/√2 and the error function's series sum at x
    /// (used only where x &lt; 2): for z &lt; −1, log(½·erfcx(x)) − x²; for −1 ≤ z ≤ 0, log(½·erfc(x)); for z &gt; 0,
    /// log1p(−½·erfc(x)).
    /// </summary>
    private static double LogCdf(double z, double x, double seriesSum)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        if (z < -1.0)
        {
            return Math.Log(0.5 * ErrorFunction.ErfcxFromSeries(x, seriesSum)) - (x * x);
        }

        var tail = 0.5 * ErrorFunction.ErfcFromSeries(x, seriesSum);
        return z <= 0.0 ? Math.Log(tail) : Elementary.LogOnePlus(-tail);
    }

    /// <summary>The argument x = −z/√2 (z ≤ 0) or z/√2 of the error function in log Φ(z): erfc(x) is 2·Φ(−|z|).</summary>
    private static double SeriesArgument(double z) => (z <= 0.0 ? -z : z) / Sqrt2;

    /// <summary>log of the normal density N(x; μ, σ).</summary>
    public static double LogPdf(double x, double mean, double sigma) => LogPdf(x, mean, sigma, Math.Log(sigma));

    /// <summary>log N(x; μ, σ) with log σ given: for many x under one σ, the same numbers at one logarithm.</summary>
    public static double LogPdf(double x, double mean, double sigma, double logSigma)
    {
        var u = (x - mean) / sigma;
        return (-0.5 * u * u) - logSigma - HalfLogTwoPi;
    }
}
