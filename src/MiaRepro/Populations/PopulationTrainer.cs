using System.Diagnostics;
using MiaRepro.Recipes;
using MiaRepro.Seeds;
using MiaRepro.Signals;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Populations;

/// <summary>
/// Trains every model of one recipe's population on its keep row and turns each model's logits into the
/// membership signal φ (float64). Model <c>m</c>'s seed depends only on the master seed and <c>m</c>, so
/// two recipes compared with each other start from the same initial weights (a paired design).
/// </summary>
public static class PopulationTrainer
{
    public static long ModelSeed(long masterSeed, int model) => SeedSequence.Derive(masterSeed, "model", model);

    public static TrainedPopulation Train(
        Recipe recipe, TrainingData data, bool[] keep, int models, long masterSeed, Device device, int queries,
        IProgress<PopulationProgress>? progress = null)
    {
        var examples = data.Population.Count;
        var labels = data.Population.Labels.cpu().data<long>().ToArray();
        var scores = new double[models * examples * queries];
        var logits = new float[models * examples * queries * data.Classes];
        var records = new List<ModelRecord>(models);
        for (var m = 0; m < models; m++)
        {
            var watch = Stopwatch.StartNew();
            var seed = ModelSeed(masterSeed, m);
            var keepRow = keep.AsSpan(m * examples, examples);
            var model = m;
            var result = Trainer.Train(recipe, data, keepRow, seed, device, queries, new SynchronousProgress<EpochProgress>(e =>
                progress?.Report(new PopulationProgress(recipe.Name, model, models, e.Epoch, e.Epochs))));
            result.Logits.CopyTo(logits, (long)m * result.Logits.Length);
            var phi = scores.AsSpan(m * examples * queries, examples * queries);
            for (var i = 0; i < examples; i++)
            {
                for (var q = 0; q < queries; q++)
                {
                    var row = result.Logits.AsSpan(((i * queries) + q) * data.Classes, data.Classes);
                    phi[(i * queries) + q] = LogitSignals.Phi(row, labels[i]);
                }
            }

            var members = 0;
            foreach (var k in keepRow)
            {
                members += k ? 1 : 0;
            }

            records.Add(new ModelRecord(
                m, seed, result.TrainAccuracy, result.TestAccuracy, result.StopEpoch, result.EpochsRun,
                result.BestValidationLoss, members, watch.Elapsed.TotalSeconds));
            progress?.Report(new PopulationProgress(recipe.Name, m + 1, models, 0, recipe.Epochs));
        }

        var population = new Population(recipe.Name, models, examples, queries, keep, scores, labels, logits, data.Classes);
        return new TrainedPopulation(recipe, population, records);
    }
}
