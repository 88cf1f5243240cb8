using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>A per-(model, example) signal: the mean over query views of a signal of φ or of the output vector.</summary>
internal static class CellSignals
{
    /// <summary>A signal of one output vector and its true class.</summary>
    public delegate double OfOutput(ReadOnlySpan<float> logits, long label);

    /// <summary>[Models, Examples]: mean over queries of <paramref name="signal"/>(φ).</summary>
    public static double[] MeanOverQueries(Population population, Func<double, double> signal)
    {
        PopulationValidation.RequireWellFormed(population);
        var (examples, queries) = (population.Examples, population.Queries);
        var values = new double[population.Models * examples];
        Parallel.For(0, population.Models, m =>
        {
            for (var cell = m * examples; cell < (m + 1) * examples; cell++)
            {
                var sum = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    sum += signal(population.Scores[((long)cell * queries) + q]);
                }

                values[cell] = sum / queries;
            }
        });
        return values;
    }

    /// <summary>[Models, Examples]: mean over queries of <paramref name="signal"/>(logits, label).</summary>
    public static double[] MeanOverQueries(Population population, OfOutput signal)
    {
        OutputVectors.Require(population);
        var (examples, queries) = (population.Examples, population.Queries);
        var values = new double[population.Models * examples];
        Parallel.For(0, population.Models, m =>
        {
            for (var n = 0; n < examples; n++)
            {
                var sum = 0.0;
                for (var q = 0; q < queries; q++)
                {
                    sum += signal(OutputVectors.Of(population, m, n, q), population.Labels[n]);
                }

                values[(m * examples) + n] = sum / queries;
            }
        });
        return values;
    }
}
