using System.Diagnostics;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Training;

namespace MiaRepro.Runs;

/// <summary>
/// Training throughput at a scale's settings: trains a few models of each recipe exactly as a population does
/// (evaluation of every population example and query included) and reports images per second and models per hour.
/// </summary>
public static class TrainingBenchmark
{
    /// <param name="models">Models to train per recipe (the population would train the scale's full count).</param>
    public static IReadOnlyList<TrainingThroughput> Run(
        ScaleProfile scale, IReadOnlyList<Recipe> recipes, int models, string dataDir, string device, int threads, long seed,
        string cpuKernels = CpuKernels.Portable)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 1);

        using var run = RunData.Prepare(
            scale, scale.Dataset, string.IsNullOrEmpty(dataDir) ? null : dataDir, device, threads, models + (models % 2), seed, cpuKernels);
        var (data, keep, torchDevice) = (run.Data, run.Keep, run.Device);
        var results = new List<TrainingThroughput>();
        foreach (var recipe in recipes)
        {
            var watch = Stopwatch.StartNew();
            var context = new TrainingContext(data, torchDevice, QueryGrid.For(QueryGrid.DefaultQueries, scale));
            var trained = PopulationTrainer.Train(recipe, context, keep[..(models * scale.Population)], models, seed, workers: run.Workers);
            var images = trained.Models.Sum(m => (long)m.Members * m.EpochsRun);
            var epochs = trained.Models.Sum(m => m.EpochsRun);
            var seconds = watch.Elapsed.TotalSeconds;
            results.Add(new TrainingThroughput(
                recipe.Name, models, epochs, images, seconds, images / seconds, 3600.0 * models / seconds,
                threads, torchDevice.type.ToString().ToLowerInvariant()));
        }

        return results;
    }
}
