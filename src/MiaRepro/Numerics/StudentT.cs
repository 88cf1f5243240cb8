namespace MiaRepro.Numerics;

/// <summary>
/// Student's t distribution with ν degrees of freedom, from the regularized incomplete beta function:
/// P(|T| &gt; t) = I_{ν/(ν + t²)}(ν/2, 1/2). Gives the t-intervals and one-sided p-values of a mean over a few
/// independent replicates (<see cref="Metrics.ReplicateEstimate"/>).
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for ν = <paramref name="degreesOfFreedom"/> &gt; 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        var tail = 0.5 * IncompleteBeta.Regularized(degreesOfFreedom / (degreesOfFreedom + (t * t)), degreesOfFreedom / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>, for p in (0, 1).</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (double.IsNaN(p) || p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in (0, 1).");
        }

        if (p == 0.5)
        {
            return 0;
        }

        // P(|T| > t) = 2 min(p, 1 − p) = I_x(ν/2, 1/2) with x = ν/(ν + t²).
        var x = IncompleteBeta.Inverse(2 * Math.Min(p, 1 - p), degreesOfFreedom / 2, 0.5);
        var t = Math.Sqrt(degreesOfFreedom * (1 - x) / x);
        return p > 0.5 ? t : -t;
    }
}
