using System.Globalization;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Training;

namespace MiaRepro.Reports;

/// <summary>
/// Writes a population in the folder layout of the LiRA reference code (tensorflow/privacy,
/// <c>research/mi_lira_2021</c>), so that its scripts can read what MiaRepro trained or imported.
/// </summary>
/// <remarks>
/// For each model i: <c>experiment-i/keep.npy</c> bool [examples]; <c>experiment-i/scores/0000000100.npy</c>
/// float64 [examples, queries] (φ, the dtype and shape the reference's <c>score.py</c> writes — it averages the
/// logits' axis of size 1 away — and that <c>plot.py</c>'s <c>load_data</c> stacks into [models, examples, queries]);
/// and, when the population
/// has logits, <c>experiment-i/logits/0000000100.npy</c> float32 [examples, 1, queries, classes] (the shape the
/// reference's <c>inference.py</c> writes). 100 is the reference's default number of epochs; it only names the
/// file. <c>y_train.npy</c> int64 [examples] at the top holds the labels. With 18 queries the query axis is
/// written in the reference's order (<see cref="QueryGrid.ReferenceIndex"/>), so view k here is view k there.
/// </remarks>
public static class LiraReferenceLayout
{
    public const string Format = "lira-reference";
    public const string CheckpointFile = "0000000100.npy";

    public static void Write(Population population, string outDir)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(outDir);
        var p = population;
        var order = ReferenceOrder(p.Queries);
        Npy.Write(Path.Combine(outDir, "y_train.npy"), NpyArray.Of(p.Labels, p.Examples));
        for (var m = 0; m < p.Models; m++)
        {
            var dir = Path.Combine(outDir, ExperimentFolder(m));
            Npy.Write(Path.Combine(dir, "keep.npy"), NpyArray.Of(p.Keep.AsSpan(m * p.Examples, p.Examples).ToArray(), p.Examples));
            var perModel = p.Examples * p.Queries;
            var scores = Reorder(p.Scores.AsSpan(m * perModel, perModel).ToArray(), order, 1);
            Npy.Write(Path.Combine(dir, "scores", CheckpointFile), NpyArray.Of(scores, p.Examples, p.Queries));
            if (p.Logits is not null)
            {
                var cells = perModel * p.Classes;
                Npy.Write(
                    Path.Combine(dir, "logits", CheckpointFile),
                    NpyArray.Of(Reorder(p.Logits.AsSpan(m * cells, cells).ToArray(), order, p.Classes), p.Examples, 1, p.Queries, p.Classes));
            }
        }
    }

    /// <summary>For each reference position, the query of this population written there.</summary>
    public static int[] ReferenceOrder(int queries)
    {
        var order = new int[queries];
        if (!QueryGrid.Supported.Contains(queries))
        {
            for (var q = 0; q < queries; q++)
            {
                order[q] = q; // an imported population with another query count keeps its own order
            }

            return order;
        }

        var grid = new QueryGrid(queries, padding: 1); // the order does not depend on the padding
        for (var q = 0; q < queries; q++)
        {
            order[grid.ReferenceIndex(q)] = q;
        }

        return order;
    }

    /// <summary>Rearranges the query axis of [examples, queries, width] values into <paramref name="order"/>.</summary>
    private static T[] Reorder<T>(T[] values, int[] order, int width)
    {
        var queries = order.Length;
        var result = new T[values.Length];
        for (var start = 0; start < values.Length; start += queries * width)
        {
            for (var r = 0; r < queries; r++)
            {
                values.AsSpan(start + (order[r] * width), width).CopyTo(result.AsSpan(start + (r * width), width));
            }
        }

        return result;
    }

    public static string ExperimentFolder(int model) => string.Create(CultureInfo.InvariantCulture, $"experiment-{model}");
}
