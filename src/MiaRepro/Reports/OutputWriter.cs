using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Runs;

namespace MiaRepro.Reports;

/// <summary>
/// Writes a run's outputs under <c>--out</c>: each recipe's arrays under <c>populations/&lt;recipe&gt;/</c>, then
/// <c>report.md</c>, and <c>results.json</c> last, each file atomically.
/// </summary>
public static class OutputWriter
{
    public static void Write(ReproductionResult result, string outDir)
    {
        // Render everything first: a failure here must not leave a partial set of outputs behind.
        var report = ReportMarkdown.Build(result);
        var json = ResultsJson.Build(result).ToJsonString(ResultsJson.Options);
        foreach (var (name, outcome) in result.Recipes)
        {
            WritePopulation(outcome.Trained, Path.Combine(outDir, "populations", name));
        }

        AtomicFile.WriteAllText(Path.Combine(outDir, "report.md"), report);
        AtomicFile.WriteAllText(Path.Combine(outDir, "results.json"), json);
    }

    /// <summary>The outputs of <c>miarepro attack</c>: <c>report.md</c>, then <c>results.json</c>.</summary>
    /// <param name="bootstrapSeed">The seed of the suite's intervals, or null when it has none.</param>
    public static void Write(PopulationFolder folder, AttackSuite suite, string outDir, long? bootstrapSeed = null)
    {
        var report = ReportMarkdown.Build(folder, suite);
        var json = ResultsJson.Build(folder, suite, bootstrapSeed).ToJsonString(ResultsJson.Options);
        AtomicFile.WriteAllText(Path.Combine(outDir, "report.md"), report);
        AtomicFile.WriteAllText(Path.Combine(outDir, "results.json"), json);
    }

    public static void WritePopulation(TrainedPopulation trained, string dir)
    {
        var p = trained.Population;
        Npy.Write(Path.Combine(dir, "keep.npy"), NpyArray.Of(p.Keep, p.Models, p.Examples));
        Npy.Write(Path.Combine(dir, "scores.npy"), NpyArray.Of(p.Scores, p.Models, p.Examples, p.Queries));
        Npy.Write(Path.Combine(dir, "labels.npy"), NpyArray.Of(p.Labels, p.Examples));
        if (p.Logits is not null)
        {
            Npy.Write(Path.Combine(dir, "logits.npy"), NpyArray.Of(p.Logits, p.Models, p.Examples, p.Queries, p.Classes));
        }

        var models = new JsonObject
        {
            ["recipe"] = trained.Recipe.Name,
            ["recipe_hash"] = trained.Recipe.Hash,
            ["models"] = JsonSerializer.SerializeToNode(trained.Models, ResultsJson.SnakeCase),
        };
        AtomicFile.WriteAllText(Path.Combine(dir, "models.json"), models.ToJsonString(ResultsJson.Options));
    }
}
