using System.Globalization;
using MiaRepro.Populations;

namespace MiaRepro.Reports;

/// <summary>
/// Writes a population in the folder layout of the LiRA reference code (tensorflow/privacy,
/// <c>research/mi_lira_2021</c>), so that its scripts can read what MiaRepro trained or imported.
/// </summary>
/// <remarks>
/// For each model i: <c>experiment-i/keep.npy</c> bool [examples]; <c>experiment-i/scores/0000000100.npy</c>
/// float32 [examples, 1, queries] (φ, the shape the reference's <c>score.py</c> writes); and, when the population
/// has logits, <c>experiment-i/logits/0000000100.npy</c> float32 [examples, 1, queries, classes] (the shape the
/// reference's <c>inference.py</c> writes). 100 is the reference's default number of epochs; it only names the
/// file. <c>y_train.npy</c> int64 [examples] at the top holds the labels.
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
        Npy.Write(Path.Combine(outDir, "y_train.npy"), NpyArray.Of(p.Labels, p.Examples));
        for (var m = 0; m < p.Models; m++)
        {
            var dir = Path.Combine(outDir, ExperimentFolder(m));
            Npy.Write(Path.Combine(dir, "keep.npy"), NpyArray.Of(p.Keep.AsSpan(m * p.Examples, p.Examples).ToArray(), p.Examples));
            var perModel = p.Examples * p.Queries;
            var scores = Array.ConvertAll(p.Scores.AsSpan(m * perModel, perModel).ToArray(), v => (float)v);
            Npy.Write(Path.Combine(dir, "scores", CheckpointFile), NpyArray.Of(scores, p.Examples, 1, p.Queries));
            if (p.Logits is not null)
            {
                var cells = perModel * p.Classes;
                Npy.Write(
                    Path.Combine(dir, "logits", CheckpointFile),
                    NpyArray.Of(p.Logits.AsSpan(m * cells, cells).ToArray(), p.Examples, 1, p.Queries, p.Classes));
            }
        }
    }

    public static string ExperimentFolder(int model) => string.Create(CultureInfo.InvariantCulture, $"experiment-{model}");
}
