using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Tests.Attacks;

namespace MiaRepro.Tests.Claims;

/// <summary>
/// Independent trainings of one design, simulated: each run draws its own examples (difficulty, vulnerability), its
/// own balanced keep matrix and its own models, and each model its own training randomness — how much it memorizes
/// (its shift is scaled by exp(v·z_m), z_m ~ N(0, 1)) and its per-example noise. Two recipes (A leaks with shift sA,
/// B with sB) share each run's examples and keep matrix, as in a reproduction.
/// </summary>
internal static class CoverageSimulation
{
    public const string Attack = "lira-online-global";

    /// <summary>One run's two populations, paired.</summary>
    public static (Population A, Population B) Run(int seed, int models, int examples, double shiftA, double shiftB, double between, double noise = 1.0)
    {
        var random = new Random(seed);
        var keep = SyntheticPopulation.BalancedKeep(models, examples, random);

        var difficulty = Enumerable.Range(0, examples).Select(_ => 3.0 * Normal(random)).ToArray();
        // Some examples are far more vulnerable than others (outliers leak most, as in the LiRA paper).
        var vulnerability = Enumerable.Range(0, examples).Select(_ => Math.Exp(0.75 * Normal(random))).ToArray();
        Population Draw(double shift)
        {
            var scores = new double[models * examples];
            for (var m = 0; m < models; m++)
            {
                var memorizes = Math.Exp(between * Normal(random));
                for (var n = 0; n < examples; n++)
                {
                    var cell = (m * examples) + n;
                    scores[cell] = difficulty[n] + (keep[cell] ? shift * vulnerability[n] * memorizes : 0.0) + (noise * Normal(random));
                }
            }

            return new Population("simulated", models, examples, 1, keep, scores, new long[examples]);
        }

        return (Draw(shiftA), Draw(shiftB));
    }

    /// <summary>The paired comparison of TPR at 0.1% FPR (A ÷ B) of one run, as the claims make it.</summary>
    public static PairedComparison Compare((Population A, Population B) run, int replicates, ulong seed)
    {
        var (a, b) = Attacked(run);
        return PairedBootstrap.Compare(a, b, run.A.Keep, run.A.Models, run.A.Examples, m => m.Tpr(0.001), replicates, seed);
    }

    /// <summary>
    /// The same ratio's crossed (pigeonhole) percentile interval and the claims' interval, from one set of draws: what
    /// the narrowing of <see cref="CrossedInterval"/> changes.
    /// </summary>
    public static (double Ratio, Interval Crossed, Interval Calibrated) Intervals((Population A, Population B) run, int replicates, ulong seed)
    {
        var (a, b) = Attacked(run);
        var draws = PairedBootstrap.Replicates([a, b], run.A.Keep, run.A.Models, run.A.Examples, m => m.Tpr(0.001), replicates, seed);
        var ratio = PairedBootstrap.Ratio(draws.Full[0]!.Value, draws.Full[1]!.Value);
        var crossed = Interval.Percentile([.. draws.Crossed.Select(v => PairedBootstrap.Ratio(v[0], v[1])).Where(v => !double.IsNaN(v))]);
        return (ratio, crossed, draws.Interval(ratio, v => PairedBootstrap.Ratio(v[0], v[1]), logScale: true));
    }

    private static (double[] A, double[] B) Attacked((Population A, Population B) run)
    {
        var attack = AttackCatalog.Get(Attack);
        return (AttackEvaluation.Run(attack, run.A).Scores, AttackEvaluation.Run(attack, run.B).Scores);
    }

    private static double Normal(Random random) => SyntheticPopulation.Normal(random);
}
