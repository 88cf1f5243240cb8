using System.Runtime.Intrinsics;

namespace MiaRepro.Numerics;

/// <summary>
/// The error function and its complements in double precision (.NET has none), to about 1e-14 relative
/// accuracy: the all-positive-terms series erf(x) = 2/√π·e^{−x²}·Σ 2ⁿx^{2n+1}/(2n+1)!! for |x| &lt; 2, and
/// Laplace's continued fraction for the scaled complement erfcx(x) = e^{x²}·erfc(x) for x ≥ 2.
/// </summary>
public static class ErrorFunction
{
    /// <summary>Below this argument erf and erfc are summed as a series, from it on by the continued fraction.</summary>
    internal const double SeriesLimit = 2.0;
    private const double TwoOverSqrtPi = 1.1283791670955126;
    private const double OneOverSqrtPi = 0.5641895835477563;
    private const int MaxTerms = 10_000;

    /// <summary>erf(x) = 2/√π ∫₀ˣ e^{−t²} dt.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var a = Math.Abs(x);
        var value = a < SeriesLimit ? Series(a) : 1.0 - (ScaledComplementLarge(a) * Math.Exp(-a * a));
        return Math.CopySign(value, x);
    }

    /// <summary>erfc(x) = 1 − erf(x), accurate in relative terms for large positive x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        return ErfcFromSeries(x, SeriesSumIfUsed(x));
    }

    /// <summary>erfcx(x) = e^{x²}·erfc(x), finite for every finite x ≥ 0 (≈ 1/(x√π) for large x).</summary>
    public static double Erfcx(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            // erfc(−a) = 2 − erfc(a); overflows to +∞ for very negative x, as the true value does.
            return (2.0 * Math.Exp(x * x)) - Erfcx(-x);
        }

        return ErfcxFromSeries(x, SeriesSumIfUsed(x));
    }

    /// <summary>
    /// erfc(x) for x ≥ 0 (or −0) given <paramref name="seriesSum"/> = <see cref="SeriesSum"/>(x) where x &lt; 2 (ignored
    /// otherwise), so that many sums may be computed at once (<see cref="SeriesSums"/>) with the same result.
    /// </summary>
    internal static double ErfcFromSeries(double x, double seriesSum) =>
        x < SeriesLimit ? 1.0 - Series(x, seriesSum) : ScaledComplementLarge(x) * Math.Exp(-x * x);

    /// <summary>erfcx(x) for x ≥ 0 given <see cref="SeriesSum"/>(x) where x &lt; 2, as <see cref="ErfcFromSeries"/>.</summary>
    internal static double ErfcxFromSeries(double x, double seriesSum) =>
        x < SeriesLimit ? Math.Exp(x * x) * (1.0 - Series(x, seriesSum)) : ScaledComplementLarge(x);

    /// <summary><see cref="SeriesSum"/>(x) where the series is used (0 ≤ x &lt; 2), else NaN.</summary>
    internal static double SeriesSumIfUsed(double x) => x < SeriesLimit ? SeriesSum(x) : double.NaN;

    /// <summary>
    /// The sum Σ 2ⁿa^{2n+1}/(2n+1)!! of the erf series, for 0 ≤ a &lt; 2: all terms positive (no cancellation), summed
    /// until a term adds less than 1e-17 of the sum.
    /// </summary>
    internal static double SeriesSum(double a)
    {
        var twoA2 = 2.0 * a * a;
        var term = a;
        var sum = a;
        for (var n = 1; n < MaxTerms; n++)
        {
            term *= twoA2 / ((2 * n) + 1);
            sum += term;
            if (term <= sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>
    /// <see cref="SeriesSum"/> of each of <paramref name="a"/> (each 0 ≤ a &lt; 2; use 0 for a value whose sum is not
    /// needed), bit for bit: four at a time in 256-bit vectors, each lane doing the scalar loop's operations in its
    /// order (IEEE division, multiplication and addition round the same in a lane) and frozen once its own sum is done.
    /// </summary>
    internal static void SeriesSums(ReadOnlySpan<double> a, Span<double> sums)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var two = Vector256.Create(2.0);
            var tolerance = Vector256.Create(1e-17);
            for (; i + Vector256<double>.Count <= a.Length; i += Vector256<double>.Count)
            {
                var va = Vector256.Create(a.Slice(i, Vector256<double>.Count));
                var twoA2 = two * va * va;
                var (term, sum) = (va, va);
                var running = Vector256<double>.AllBitsSet;
                for (var n = 1; n < MaxTerms && running.ExtractMostSignificantBits() != 0; n++)
                {
                    var nextTerm = term * (twoA2 / Vector256.Create((double)((2 * n) + 1)));
                    var nextSum = sum + nextTerm;
                    term = Vector256.ConditionalSelect(running, nextTerm, term);
                    sum = Vector256.ConditionalSelect(running, nextSum, sum);
                    running = Vector256.AndNot(running, Vector256.LessThanOrEqual(nextTerm, nextSum * tolerance));
                }

                sum.CopyTo(sums.Slice(i, Vector256<double>.Count));
            }
        }

        for (; i < a.Length; i++)
        {
            sums[i] = SeriesSum(a[i]);
        }
    }

    /// <summary>erf(a) for 0 ≤ a &lt; 2 from its <see cref="SeriesSum"/>.</summary>
    private static double Series(double a, double seriesSum) => TwoOverSqrtPi * Math.Exp(-a * a) * seriesSum;

    private static double Series(double a) => Series(a, SeriesSum(a));

    /// <summary>
    /// erfcx(a) for a ≥ 2 by the continued fraction erfcx(a) = (1/√π)/(a + ½/(a + 1/(a + (3/2)/(a + …)))),
    /// evaluated with the modified Lentz method.
    /// </summary>
    private static double ScaledComplementLarge(double a)
    {
        if (double.IsPositiveInfinity(a))
        {
            return 0.0;
        }

        const double tiny = 1e-300;
        var f = a;
        var c = a;
        var d = 0.0;
        for (var k = 1; k < MaxTerms; k++)
        {
            var ak = 0.5 * k;
            d = a + (ak * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = a + (ak / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return OneOverSqrtPi / f;
    }
}
