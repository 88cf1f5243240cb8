using MiaRepro.IO;
using MiaRepro.Populations;

namespace MiaRepro.Tests.Populations;

/// <summary>Writes a population folder in the population layout (docs/attacks.md), as another tool would.</summary>
internal static class PopulationFiles
{
    public static void Write(string dir, Population p, bool float32Scores = false)
    {
        Directory.CreateDirectory(dir);
        Npy.Write(Path.Combine(dir, "keep.npy"), NpyArray.Of(p.Keep, p.Models, p.Examples));
        Npy.Write(
            Path.Combine(dir, "scores.npy"),
            float32Scores
                ? NpyArray.Of(Array.ConvertAll(p.Scores, v => (float)v), p.Models, p.Examples, p.Queries)
                : NpyArray.Of(p.Scores, p.Models, p.Examples, p.Queries));
        Npy.Write(Path.Combine(dir, "labels.npy"), NpyArray.Of(p.Labels, p.Examples));
        if (p.Logits is not null)
        {
            Npy.Write(Path.Combine(dir, "logits.npy"), NpyArray.Of(p.Logits, p.Models, p.Examples, p.Queries, p.Classes));
        }
    }

    /// <summary>Adds logits of <paramref name="classes"/> classes (values i mod 7) and labels n mod classes.</summary>
    public static Population WithLogits(Population p, int classes) => p with
    {
        Labels = [.. Enumerable.Range(0, p.Examples).Select(n => (long)(n % classes))],
        Logits = [.. Enumerable.Range(0, p.Models * p.Examples * p.Queries * classes).Select(i => (float)(i % 7))],
        Classes = classes,
    };
}
