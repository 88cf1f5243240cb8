using System.Diagnostics;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Seeds;

namespace MiaRepro.Runs;

/// <summary>
/// Attack scoring cost on a synthetic population of the given size (φ only: φ = difficulty + shift·[IN] + noise):
/// seconds per attack, leave-one-out over every target, metrics included, and the φ bytes read per second.
/// Attacks that need logits are reported as not run, since the synthetic population has none.
/// </summary>
public static class AttackBenchmark
{
    public static IReadOnlyList<AttackTiming> Run(int models, int examples, int queries, long seed)
    {
        var population = Synthetic(models, examples, queries, seed);
        var bytes = (double)population.Scores.Length * sizeof(double);
        var timings = new List<AttackTiming>();
        foreach (var attack in AttackCatalog.All)
        {
            if (attack.MissingInput(population) is { } reason)
            {
                timings.Add(new AttackTiming(attack.Name, null, null, null, reason));
                continue;
            }

            var watch = Stopwatch.StartNew();
            var outcome = AttackEvaluation.Run(attack, population);
            var seconds = watch.Elapsed.TotalSeconds;
            timings.Add(new AttackTiming(attack.Name, seconds, bytes / seconds, outcome.Pooled.Auc, null));
        }

        return timings;
    }

    /// <summary>A balanced keep matrix and φ with a per-example difficulty, a membership shift of 0.5 and unit noise.</summary>
    public static Population Synthetic(int models, int examples, int queries, long seed)
    {
        var keep = KeepMatrix.Balanced(models, examples, SeedSequence.Derive(seed, "bench-keep"));
        var scores = new double[(long)models * examples * queries];
        var difficulty = new double[examples];
        var random = new Random((int)(SeedSequence.Derive(seed, "bench-phi") & int.MaxValue));
        for (var n = 0; n < examples; n++)
        {
            difficulty[n] = 3 * Normal(random);
        }

        for (var m = 0; m < models; m++)
        {
            for (var n = 0; n < examples; n++)
            {
                var mean = difficulty[n] + (keep[((long)m * examples) + n] ? 0.5 : 0.0);
                for (var q = 0; q < queries; q++)
                {
                    scores[((((long)m * examples) + n) * queries) + q] = mean + Normal(random);
                }
            }
        }

        return new Population("synthetic", models, examples, queries, keep, scores, new long[examples]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
