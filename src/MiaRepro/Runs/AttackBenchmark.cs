using System.Diagnostics;
using MiaRepro.Attacks;
using MiaRepro.Numerics;
using MiaRepro.Populations;
using MiaRepro.Seeds;
using MiaRepro.Signals;

namespace MiaRepro.Runs;

/// <summary>
/// Attack cost on a synthetic population of the given size (φ = difficulty + shift·[IN] + noise, and optionally
/// logits consistent with it): per attack, seconds of scoring (leave-one-out over every target) and of metrics
/// (pooled and per-target ROCs), the processor time of both, and the input bytes read per second of scoring. Without logits, the attacks that
/// need them are reported as not run.
/// </summary>
public static class AttackBenchmark
{
    /// <param name="classes">0 for φ only; otherwise the classes of the synthetic logits (≥ 2).</param>
    public static IReadOnlyList<AttackTiming> Run(int models, int examples, int queries, long seed, int classes = 0)
    {
        var population = Synthetic(models, examples, queries, seed, classes);
        PopulationValidation.RequireMembersAndNonMembersPerModel(population);
        var phiOnly = population with { Logits = null, Classes = 0 };
        var timings = new List<AttackTiming>();
        foreach (var attack in AttackCatalog.All)
        {
            if (attack.MissingInput(population) is { } reason)
            {
                timings.Add(new AttackTiming(attack.Name, null, null, null, null, null, null, reason));
                continue;
            }

            var bytes = attack.MissingInput(phiOnly) is null
                ? (double)population.Scores.Length * sizeof(double)
                : (double)population.Logits!.Length * sizeof(float);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var scores = attack.Score(population);
            var scoring = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var outcome = AttackEvaluation.Measure(attack.Name, scores, population);
            var metrics = watch.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            timings.Add(new AttackTiming(attack.Name, scoring, metrics, scoring + metrics, cpuSeconds, bytes / scoring, outcome.Pooled.Auc, null));
        }

        return timings;
    }

    /// <summary>
    /// A balanced keep matrix and φ with a per-example difficulty, a membership shift of 0.5 and unit noise. With
    /// <paramref name="classes"/> ≥ 2, also logits [models, examples, queries, classes] (float32; label n mod C): the
    /// other classes' logits uniform in [−2, 2], the true class's set so that its φ is the drawn one, and φ then
    /// recomputed from the float32 logits, so that φ and the logits agree exactly.
    /// </summary>
    public static Population Synthetic(int models, int examples, int queries, long seed, int classes = 0)
    {
        if (classes is 1 or < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "Use 0 (φ only) or at least 2 classes.");
        }

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

        var labels = new long[examples];
        if (classes == 0)
        {
            return new Population("synthetic", models, examples, queries, keep, scores, labels);
        }

        for (var n = 0; n < examples; n++)
        {
            labels[n] = n % classes;
        }

        var logits = new float[checked(scores.Length * classes)];
        var logitSeed = (ulong)SeedSequence.Derive(seed, "bench-logits");
        Parallel.For(0, models, m =>
        {
            var draws = new SplitMix64(SplitMix64.Derive(logitSeed, (ulong)m));
            for (var row = (long)m * examples * queries; row < (long)(m + 1) * examples * queries; row++)
            {
                var label = labels[row / queries % examples];
                var output = logits.AsSpan((int)(row * classes), classes);
                var max = double.NegativeInfinity;
                for (var c = 0; c < classes; c++)
                {
                    output[c] = (float)((4.0 * (draws.NextUInt64() >> 11) / (1UL << 53)) - 2.0);
                    max = c == label ? max : Math.Max(max, output[c]);
                }

                var sum = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    sum += c == label ? 0.0 : Math.Exp(output[c] - max);
                }

                output[(int)label] = (float)(scores[row] + max + Math.Log(sum));
                scores[row] = LogitSignals.Phi(output, label);
            }
        });
        return new Population("synthetic-logits", models, examples, queries, keep, scores, labels, logits, classes);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
