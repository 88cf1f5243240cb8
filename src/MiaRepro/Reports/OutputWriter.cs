using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Attacks;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Reports.Plots;
using MiaRepro.Results;

namespace MiaRepro.Reports;

/// <summary>
/// Writes a run's outputs under <c>--out</c>: each recipe's arrays under <c>populations/&lt;recipe&gt;/</c>, the plots
/// under <c>plots/</c>, then <c>report.md</c>, and <c>results.json</c> last, into a staging folder that then replaces
/// the output folder whole (<see cref="OutputFolder"/>): never a mix of two runs, nothing stale. A plot that fails to
/// render is a warning (returned, and written into <c>report.md</c> and <c>results.json</c>), never a failed run.
/// </summary>
public static class OutputWriter
{
    /// <returns>The warnings of the report (plots that failed to render), for the console.</returns>
    public static IReadOnlyList<string> Write(ReproductionResult result, string outDir, IPlotRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(result);

        // Compute and render everything first: a failure here must not leave a partial set of outputs behind.
        var watch = Stopwatch.StartNew();
        var reductions = ReductionFactors.Compute(result);
        var reductionSeconds = Lap(watch);
        var figures = ReportFigures.For(result);
        var plots = PlotRendering.Render(figures.Figures, renderer ?? new ScottPlotRenderer());
        var supplement = new ReportSupplement(
            reductions, plots, figures.NotDrawn, new Dictionary<string, double> { ["report:reductions"] = reductionSeconds, ["report:plots"] = Lap(watch) });
        var report = ReportMarkdown.Build(result, supplement);
        var json = ResultsJson.Build(result);
        ResultsJson.AddSupplement(json, supplement);

        OutputFolder.Replace(outDir, staging =>
        {
            foreach (var (name, outcome) in result.Recipes)
            {
                WritePopulation(outcome.Trained, Path.Combine(staging, "populations", name));
            }

            Finish(staging, plots, report, json);
        });
        return supplement.Warnings;
    }

    /// <summary>The outputs of <c>miarepro attack</c>: the plots, <c>report.md</c>, then <c>results.json</c>.</summary>
    /// <param name="bootstrapSeed">The seed of the suite's intervals, or null when it has none.</param>
    /// <returns>The warnings of the report (plots that failed to render), for the console.</returns>
    public static IReadOnlyList<string> Write(PopulationFolder folder, AttackSuite suite, string outDir, long? bootstrapSeed = null, IPlotRenderer? renderer = null)
    {
        var watch = Stopwatch.StartNew();
        var figures = ReportFigures.For(folder, suite);
        var plots = PlotRendering.Render(figures.Figures, renderer ?? new ScottPlotRenderer());
        var supplement = new ReportSupplement(null, plots, figures.NotDrawn, new Dictionary<string, double> { ["report:plots"] = Lap(watch) });
        var report = ReportMarkdown.Build(folder, suite, supplement, bootstrapSeed);
        var json = ResultsJson.Build(folder, suite, bootstrapSeed);
        ResultsJson.AddSupplement(json, supplement);
        OutputFolder.Replace(outDir, staging => Finish(staging, plots, report, json));
        return supplement.Warnings;
    }

    /// <summary>φ of a recipe's twin models, float64 [twins, examples, queries]; twin t shares keep.npy's row t.</summary>
    public const string TwinScoresFile = "twin_scores.npy";

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

        // Twins (claim C4) beside the population, not in it: twin t's index is the model whose keep row it shares.
        if (trained.Twins is { } twins)
        {
            Npy.Write(Path.Combine(dir, TwinScoresFile), NpyArray.Of(twins.Scores, twins.Count, p.Examples, p.Queries));
            models["twins"] = JsonSerializer.SerializeToNode(twins.Models, ResultsJson.SnakeCase);
        }

        AtomicFile.WriteAllText(Path.Combine(dir, "models.json"), models.ToJsonString(ResultsJson.Options));
    }

    private static void Finish(string outDir, IReadOnlyList<PlotOutcome> plots, string report, JsonObject json)
    {
        PlotRendering.Write(plots, outDir);
        AtomicFile.WriteAllText(Path.Combine(outDir, "report.md"), report);
        FaultPoint.Reach(FaultPoint.OutputWrite);
        AtomicFile.WriteAllText(Path.Combine(outDir, "results.json"), json.ToJsonString(ResultsJson.Options));
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}
