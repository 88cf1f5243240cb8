using MiaRepro.Populations;
using MiaRepro.Signals;

namespace MiaRepro.Tests.Attacks;

/// <summary>
/// Populations with a known answer: φ = difficulty of the example + shift·[IN] + N(0, noise²) per model and query,
/// with a balanced keep matrix (each example IN for exactly half of the models).
/// </summary>
internal static class SyntheticPopulation
{
    public static Population Gaussian(int models, int examples, int queries, double shift, int seed, double difficultySpread = 3.0, double noise = 1.0)
    {
        var random = new Random(seed);
        var keep = BalancedKeep(models, examples, random);
        var difficulty = Enumerable.Range(0, examples).Select(_ => difficultySpread * Normal(random)).ToArray();
        var scores = new double[models * examples * queries];
        for (var m = 0; m < models; m++)
        {
            for (var n = 0; n < examples; n++)
            {
                for (var q = 0; q < queries; q++)
                {
                    scores[(((m * examples) + n) * queries) + q] =
                        difficulty[n] + (keep[(m * examples) + n] ? shift : 0.0) + (noise * Normal(random));
                }
            }
        }

        return new Population("synthetic", models, examples, queries, keep, scores, new long[examples]);
    }

    /// <summary>
    /// Full output vectors of <paramref name="classes"/> classes: every logit N(0, noise²), the true class's (label
    /// n mod C) raised by the example's difficulty and by <paramref name="shift"/> where IN; φ computed from them.
    /// </summary>
    public static Population WithLogits(int models, int examples, int queries, int classes, double shift, int seed, double difficultySpread = 1.0, double noise = 1.0)
    {
        var random = new Random(seed);
        var keep = BalancedKeep(models, examples, random);
        var difficulty = Enumerable.Range(0, examples).Select(_ => difficultySpread * Normal(random)).ToArray();
        var labels = Enumerable.Range(0, examples).Select(n => (long)(n % classes)).ToArray();
        var logits = new float[models * examples * queries * classes];
        var scores = new double[models * examples * queries];
        for (var row = 0; row < scores.Length; row++)
        {
            var cell = row / queries;
            var n = cell % examples;
            var output = logits.AsSpan(row * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                output[c] = (float)(noise * Normal(random));
            }

            output[(int)labels[n]] += (float)(2.0 + difficulty[n] + (keep[cell] ? shift : 0.0));
            scores[row] = LogitSignals.Phi(output, labels[n]);
        }

        return new Population("synthetic-logits", models, examples, queries, keep, scores, labels, logits, classes);
    }

    /// <summary>The same population with every logit replaced by <paramref name="logit"/> of a random sign, φ recomputed.</summary>
    public static Population Extreme(Population population, float logit, int seed)
    {
        var random = new Random(seed);
        var logits = population.Logits!.Select(_ => random.Next(2) == 0 ? -logit : logit).ToArray();
        var scores = new double[population.Scores.Length];
        var classes = population.Classes;
        for (var row = 0; row < scores.Length; row++)
        {
            scores[row] = LogitSignals.Phi(logits.AsSpan(row * classes, classes), population.Labels[row / population.Queries % population.Examples]);
        }

        return population with { Logits = logits, Scores = scores };
    }

    public static Population Of(int models, int examples, int queries, bool[] keep, double[] scores) =>
        new("handmade", models, examples, queries, keep, scores, new long[examples]);

    /// <summary>A balanced keep matrix [models, examples]: each example IN for exactly half of the models.</summary>
    public static bool[] BalancedKeep(int models, int examples, Random random)
    {
        var keep = new bool[models * examples];
        var order = Enumerable.Range(0, models).ToArray();
        for (var n = 0; n < examples; n++)
        {
            random.Shuffle(order);
            for (var k = 0; k < models / 2; k++)
            {
                keep[(order[k] * examples) + n] = true;
            }
        }

        return keep;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
