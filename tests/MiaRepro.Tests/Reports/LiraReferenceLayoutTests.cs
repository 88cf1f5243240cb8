using FluentAssertions;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Reports;
using MiaRepro.Tests.Attacks;

namespace MiaRepro.Tests.Reports;

public sealed class LiraReferenceLayoutTests
{
    [Fact]
    public void Eighteen_queries_are_written_in_the_reference_order_with_the_identity_at_index_4()
    {
        LiraReferenceLayout.ReferenceOrder(18).Should().Equal(2, 4, 6, 8, 0, 10, 12, 14, 16, 3, 5, 7, 9, 1, 11, 13, 15, 17);
        LiraReferenceLayout.ReferenceOrder(2).Should().Equal(0, 1);
        LiraReferenceLayout.ReferenceOrder(5).Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void Exported_scores_and_logits_of_an_18_query_population_follow_the_reference_order()
    {
        // Given a population whose score and logits encode (example, query)
        const int Models = 2, Examples = 3, Queries = 18, Classes = 2;
        var scores = new double[Models * Examples * Queries];
        var logits = new float[Models * Examples * Queries * Classes];
        for (var cell = 0; cell < scores.Length; cell++)
        {
            scores[cell] = cell;
            logits[cell * Classes] = cell;
            logits[(cell * Classes) + 1] = -cell;
        }

        var population = new Population(
            "p", Models, Examples, Queries, [true, false, true, false, true, false], scores, [0, 1, 0], logits, Classes);
        using var temp = new TempFolder();

        // When it is exported
        LiraReferenceLayout.Write(population, temp.Path);

        // Then reference view r of example i holds our query order[r] of that example
        var order = LiraReferenceLayout.ReferenceOrder(Queries);
        for (var m = 0; m < Models; m++)
        {
            var written = (double[])Npy.Read(Path.Combine(temp.Path, $"experiment-{m}", "scores", "0000000100.npy")).Data;
            var writtenLogits = (float[])Npy.Read(Path.Combine(temp.Path, $"experiment-{m}", "logits", "0000000100.npy")).Data;
            for (var i = 0; i < Examples; i++)
            {
                for (var r = 0; r < Queries; r++)
                {
                    var ours = (((m * Examples) + i) * Queries) + order[r];
                    written[(i * Queries) + r].Should().Be(ours);
                    writtenLogits[((i * Queries) + r) * Classes].Should().Be(ours);
                    writtenLogits[(((i * Queries) + r) * Classes) + 1].Should().Be(-ours);
                }
            }
        }
    }

    [Fact]
    public void The_export_reads_back_as_plot_py_loads_it()
    {
        // Given a population with 2 queries, exported
        var population = SyntheticPopulation.Gaussian(models: 6, examples: 20, queries: 2, shift: 1.0, seed: 3);
        using var temp = new TempFolder();
        LiraReferenceLayout.Write(population, temp.Path);

        // When it is loaded as the reference's plot.py load_data does: every folder named experiment* with a scores
        // folder, its last score file by name and its keep.npy, stacked (np.array) over the folders
        var loaded = Directory.GetDirectories(temp.Path)
            .Where(d => Path.GetFileName(d).StartsWith("experiment", StringComparison.Ordinal) && Directory.Exists(Path.Combine(d, "scores")))
            .Select(d => (
                Model: int.Parse(Path.GetFileName(d)["experiment-".Length..], System.Globalization.CultureInfo.InvariantCulture),
                Scores: Npy.Read(Directory.GetFiles(Path.Combine(d, "scores")).Order(StringComparer.Ordinal).Last()),
                Keep: Npy.Read(Path.Combine(d, "keep.npy"))))
            .ToList();

        // Then each model's scores are [examples, queries] float64, so the stack is the [models, examples, queries] that
        // generate_ours indexes as scores[keep[:, j], j, :], and the values are the population's, bit for bit
        loaded.Should().HaveCount(population.Models);
        foreach (var (model, scores, keep) in loaded)
        {
            scores.Shape.Should().Equal(population.Examples, population.Queries);
            scores.DType.Should().Be(NpyDType.Float64);
            keep.Shape.Should().Equal(population.Examples);
            ((double[])scores.Data).Should().Equal(population.Scores.Skip(model * population.Examples * population.Queries).Take(population.Examples * population.Queries));
            ((bool[])keep.Data).Should().Equal(population.Keep.Skip(model * population.Examples).Take(population.Examples));
        }
    }
}
