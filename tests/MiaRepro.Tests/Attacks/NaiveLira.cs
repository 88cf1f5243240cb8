using MiaRepro.Numerics;
using MiaRepro.Populations;

namespace MiaRepro.Tests.Attacks;

/// <summary>
/// A slow, obviously correct LiRA (O(M²·N·Q)) to check the fast balanced leave-one-out one against: the target
/// and its partner (the first model after it, cyclically, on the other side of the example) are not shadows.
/// </summary>
internal static class NaiveLira
{
    public static double[] Score(Population p, bool online, bool global)
    {
        double Phi(int m, int n, int q) => p.Scores[(((m * p.Examples) + n) * p.Queries) + q];
        bool Keep(int m, int n) => p.Keep[(m * p.Examples) + n];
        var values = new double[p.Models * p.Examples];
        int Partner(int t, int n) => Enumerable.Range(1, p.Models - 1).Select(s => (t + s) % p.Models).First(m => Keep(m, n) != Keep(t, n));
        for (var t = 0; t < p.Models; t++)
        {
            bool Shadow(int m, int n) => m != t && m != Partner(t, n);

            (double Mean, double Sigma) Fit(int n, int q, bool member)
            {
                var xs = Enumerable.Range(0, p.Models).Where(m => Shadow(m, n) && Keep(m, n) == member).Select(m => Phi(m, n, q)).ToArray();
                var mean = xs.Average();
                return (mean, Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / xs.Length));
            }

            double GlobalSigma(bool member)
            {
                double sum = 0;
                long count = 0;
                for (var n = 0; n < p.Examples; n++)
                {
                    for (var q = 0; q < p.Queries; q++)
                    {
                        var (mean, sigma) = Fit(n, q, member);
                        var k = Enumerable.Range(0, p.Models).Count(m => Shadow(m, n) && Keep(m, n) == member);
                        sum += sigma * sigma * k;
                        count += k;
                    }
                }

                return Math.Sqrt(sum / count);
            }

            var (globalIn, globalOut) = global ? (GlobalSigma(true), GlobalSigma(false)) : (0.0, 0.0);
            for (var n = 0; n < p.Examples; n++)
            {
                double sum = 0;
                for (var q = 0; q < p.Queries; q++)
                {
                    var (muIn, sIn) = Fit(n, q, true);
                    var (muOut, sOut) = Fit(n, q, false);
                    if (global)
                    {
                        (sIn, sOut) = (globalIn, globalOut);
                    }

                    var x = Phi(t, n, q);
                    sum += online
                        ? StandardNormal.LogPdf(x, muIn, sIn + 1e-30) - StandardNormal.LogPdf(x, muOut, sOut + 1e-30)
                        : StandardNormal.LogCdf((x - muOut) / (sOut + 1e-30));
                }

                values[(t * p.Examples) + n] = sum / p.Queries;
            }
        }

        return values;
    }
}
