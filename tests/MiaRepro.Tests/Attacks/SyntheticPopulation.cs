using MiaRepro.Populations;

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

    public static Population Of(int models, int examples, int queries, bool[] keep, double[] scores) =>
        new("handmade", models, examples, queries, keep, scores, new long[examples]);

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
