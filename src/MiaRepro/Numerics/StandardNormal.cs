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
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        if (z < -1.0)
        {
            var x = -z / Sqrt2;
            return Math.Log(0.5 * ErrorFunction.Erfcx(x)) - (x * x);
        }

        return z <= 0.0 ? Math.Log(Cdf(z)) : Elementary.LogOnePlus(-Cdf(-z));
    }

    /// <summary>log of the normal density N(x; μ, σ).</summary>
    public static double LogPdf(double x, double mean, double sigma) => LogPdf(x, mean, sigma, Math.Log(sigma));

    /// <summary>log N(x; μ, σ) with log σ given: for many x under one σ, the same numbers at one logarithm.</summary>
    public static double LogPdf(double x, double mean, double sigma, double logSigma)
    {
        var u = (x - mean) / sigma;
        return (-0.5 * u * u) - logSigma - HalfLogTwoPi;
    }
}
