using MiaRepro.Numerics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// LiRA under any <see cref="LiraConvention"/>, fitted directly: for each target the shadows it sees are gathered
/// per example and query and their centre and spread computed as the convention says — O(M·N·Q) per target,
/// O(M²·N·Q) in all (the paper scale's 64 models × 56,000 examples × 2 queries: 4.6·10⁸ values per attack).
/// MiaRepro's own convention has a faster equal form (<see cref="ShadowStatistics"/>: O(1) per target and cell);
/// the tests hold the two equal.
/// </summary>
internal static class LiraShadowFit
{
    public static AttackScores Score(Population population, bool online, LiraVariance variance, LiraConvention convention)
    {
        PopulationValidation.RequireShadowsForEveryTarget(population);
        var (models, examples) = (population.Models, population.Examples);
        var byCell = ByCell(population);
        var values = new double[models * examples];
        Parallel.For(0, models, target =>
            ScoreTarget(population, byCell, target, online, variance, convention, values.AsSpan(target * examples, examples)));
        return new AttackScores(models, examples, values);
    }

    /// <summary>φ as [examples, queries, models], so the shadows of one cell lie together.</summary>
    private static double[] ByCell(Population p)
    {
        var (models, cells) = (p.Models, p.Examples * p.Queries);
        var byCell = new double[(long)models * cells];
        Parallel.For(0, cells, j =>
        {
            for (var m = 0; m < models; m++)
            {
                byCell[((long)j * models) + m] = p.Scores[((long)m * cells) + j];
            }
        });
        return byCell;
    }

    private static void ScoreTarget(
        Population p, double[] byCell, int target, bool online, LiraVariance variance, LiraConvention convention, Span<double> result)
    {
        var (examples, queries) = (p.Examples, p.Queries);
        var (ins, outs) = Shadows(p, target, convention.Shadows);
        var fitIn = online ? Side.Fit(p, byCell, ins, convention.Centre) : null;
        var fitOut = Side.Fit(p, byCell, outs, convention.Centre);
        if (variance == LiraVariance.Global)
        {
            var sigmaOut = convention.GlobalSpread switch
            {
                LiraGlobalSpread.PooledWithinExample => fitOut.PooledSigma,
                LiraGlobalSpread.GrandMeanInSideForBoth when online => Side.GrandMeanSigma(p, byCell, ins),
                _ => Side.GrandMeanSigma(p, byCell, outs),
            };
            var sigmaIn = fitIn is null ? 0.0 : convention.GlobalSpread switch
            {
                LiraGlobalSpread.PooledWithinExample => fitIn.PooledSigma,
                LiraGlobalSpread.GrandMeanInSideForBoth => sigmaOut,
                _ => Side.GrandMeanSigma(p, byCell, ins),
            };
            fitOut.Sigma.AsSpan().Fill(sigmaOut);
            fitIn?.Sigma.AsSpan().Fill(sigmaIn);
        }

        for (var n = 0; n < examples; n++)
        {
            var sum = 0.0;
            for (var q = 0; q < queries; q++)
            {
                var j = (n * queries) + q;
                var x = p.Scores[(((long)target * examples) + n) * queries + q];
                var (centreOut, sigmaOut) = (fitOut.Centre[j], fitOut.Sigma[j] + ShadowStatistics.SigmaFloor);
                sum += fitIn is not null
                    ? StandardNormal.LogPdf(x, fitIn.Centre[j], fitIn.Sigma[j] + ShadowStatistics.SigmaFloor) - StandardNormal.LogPdf(x, centreOut, sigmaOut)
                    : convention.Offline == LiraOfflineScore.OneSidedLogCdf
                        ? StandardNormal.LogCdf((x - centreOut) / sigmaOut)
                        : -StandardNormal.LogPdf(x, centreOut, sigmaOut);
            }

            result[n] = sum / queries;
        }
    }

    /// <summary>The IN and the OUT shadows of every example for <paramref name="target"/>, in model order.</summary>
    internal static (int[][] In, int[][] Out) Shadows(Population p, int target, LiraShadows rule)
    {
        var (models, examples) = (p.Models, p.Examples);
        var partners = new int[examples];
        if (rule == LiraShadows.BalancedPartner)
        {
            BalancedPartners.Of(p, target, partners);
        }
        else
        {
            partners.AsSpan().Fill(target); // no partner: the target alone leaves
        }

        var (ins, outs) = (new int[examples][], new int[examples][]);
        var (inList, outList) = (new List<int>(models), new List<int>(models));
        for (var n = 0; n < examples; n++)
        {
            inList.Clear();
            outList.Clear();
            for (var m = 0; m < models; m++)
            {
                if (m != target && m != partners[n])
                {
                    (p.Keep[(m * examples) + n] ? inList : outList).Add(m);
                }
            }

            (ins[n], outs[n]) = ([.. inList], [.. outList]);
        }

        if (rule == LiraShadows.TruncatedInModelOrder)
        {
            Truncate(ins);
            Truncate(outs);
        }

        return (ins, outs);
    }

    /// <summary>Cuts every example's shadows to the first k, k the fewest any example has (the reference's <c>x[:in_size]</c>).</summary>
    private static void Truncate(int[][] shadows)
    {
        var fewest = shadows.Min(s => s.Length);
        for (var n = 0; n < shadows.Length; n++)
        {
            shadows[n] = shadows[n][..fewest];
        }
    }

    /// <summary>One side's Gaussians: a centre and np.std (ddof 0) per (example, query), and what the global σ need.</summary>
    private sealed class Side
    {
        public required double[] Centre { get; init; }

        public required double[] Sigma { get; init; }

        /// <summary>√(Σ over cells of the squared deviations from each cell's mean ÷ the scores counted).</summary>
        public required double PooledSigma { get; init; }

        public static Side Fit(Population p, double[] byCell, int[][] shadows, LiraCentre centre)
        {
            var (examples, queries) = (p.Examples, p.Queries);
            var (centres, sigmas) = (new double[examples * queries], new double[examples * queries]);
            var buffer = new double[p.Models];
            double m2 = 0.0;
            long count = 0;
            for (var n = 0; n < examples; n++)
            {
                var models = shadows[n];
                for (var q = 0; q < queries; q++)
                {
                    var values = buffer.AsSpan(0, models.Length);
                    var cell = ((long)(n * queries) + q) * p.Models;
                    for (var s = 0; s < models.Length; s++)
                    {
                        values[s] = byCell[cell + models[s]];
                    }

                    var mean = Mean(values);
                    var deviations = SquaredDeviations(values, mean);
                    sigmas[(n * queries) + q] = Math.Sqrt(deviations / values.Length);
                    centres[(n * queries) + q] = centre == LiraCentre.Mean ? mean : Median(values);
                    m2 += deviations;
                    count += values.Length;
                }
            }

            return new Side { Centre = centres, Sigma = sigmas, PooledSigma = Math.Sqrt(m2 / count) };
        }

        /// <summary>
        /// np.std of every score of one side's shadows (<paramref name="shadows"/>) about their grand mean: two passes,
        /// the mean, then the squared deviations from it.
        /// </summary>
        public static double GrandMeanSigma(Population p, double[] byCell, int[][] shadows)
        {
            var (sum, count) = Sum(p, byCell, shadows, centre: null);
            return Math.Sqrt(Sum(p, byCell, shadows, centre: sum / count).Total / count);
        }

        /// <summary>Σ x (no <paramref name="centre"/>) or Σ (x − centre)² over one side's scores, and how many there are.</summary>
        private static (double Total, long Count) Sum(Population p, double[] byCell, int[][] shadows, double? centre)
        {
            var (total, count) = (0.0, 0L);
            for (var n = 0; n < p.Examples; n++)
            {
                for (var q = 0; q < p.Queries; q++)
                {
                    var cell = ((long)(n * p.Queries) + q) * p.Models;
                    foreach (var m in shadows[n])
                    {
                        var x = byCell[cell + m];
                        total += centre is { } c ? (x - c) * (x - c) : x;
                    }

                    count += shadows[n].Length;
                }
            }

            return (total, count);
        }

        private static double Mean(ReadOnlySpan<double> values)
        {
            var sum = 0.0;
            foreach (var v in values)
            {
                sum += v;
            }

            return sum / values.Length;
        }

        private static double SquaredDeviations(ReadOnlySpan<double> values, double mean)
        {
            var sum = 0.0;
            foreach (var v in values)
            {
                sum += (v - mean) * (v - mean);
            }

            return sum;
        }

        /// <summary>np.median: the middle value, or the mean of the two middle values (sorts <paramref name="values"/>).</summary>
        private static double Median(Span<double> values)
        {
            values.Sort();
            var half = values.Length / 2;
            return values.Length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
        }
    }
}
