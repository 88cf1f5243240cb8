using System.Diagnostics;
using MiaRepro.Attacks;
using MiaRepro.Claims;
using MiaRepro.Data;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Seeds;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Runs;

/// <summary>
/// The main job, end to end: load the data, draw the split and keep matrix from the master seed, train every
/// recipe's population, run every attack with leave-one-out targets, and decide the claims.
/// </summary>
public static class Reproduction
{
    public static ReproductionResult Run(RunSettings settings, IProgress<PopulationProgress>? progress = null)
    {
        settings.Validate();
        var stages = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();

        set_num_threads(settings.Threads);
        var device = DeviceSelector.Resolve(settings.Device);
        var dataset = DatasetLoader.Load(settings.Dataset, settings.DataDir);
        var scale = settings.Scale;
        var splitSeed = SeedSequence.Derive(settings.Seed, "split");
        var keepSeed = SeedSequence.Derive(settings.Seed, "keep");
        var split = DataSplit.Draw(
            dataset.Train.Count, dataset.Test.Count, scale.Population, scale.Validation,
            Math.Min(scale.Test, dataset.Test.Count), splitSeed);
        var keep = KeepMatrix.Balanced(scale.Models, scale.Population, keepSeed);
        using var data = TrainingData.Create(dataset, split.Population, split.Validation, split.Test, device);
        stages["load"] = Lap(watch);

        var populations = new Dictionary<string, TrainedPopulation>();
        foreach (var name in settings.Recipes)
        {
            var recipe = RecipeCatalog.Create(name, scale);
            populations[name] = PopulationTrainer.Train(
                recipe, data, keep, scale.Models, settings.Seed, device, settings.Queries, progress);
            stages[$"train:{name}"] = Lap(watch);
        }

        var outcomes = new Dictionary<string, RecipeOutcome>();
        foreach (var (name, trained) in populations)
        {
            outcomes[name] = new RecipeOutcome(trained, AttackSuite.Run(trained.Population));
        }

        stages["attack"] = Lap(watch);

        var evidence = new ClaimEvidence(
            populations,
            outcomes.ToDictionary(o => o.Key, o => o.Value.Attacks),
            settings.BootstrapReplicates,
            SeedSequence.Derive(settings.Seed, "bootstrap"));
        var claims = ClaimCatalog.For(scale)
            .Where(c => c.Recipes.All(populations.ContainsKey))
            .Select(c => c.Decide(evidence))
            .ToList();
        stages["claims"] = Lap(watch);

        return new ReproductionResult(
            settings, device.type.ToString().ToLowerInvariant(), dataset.Source, keepSeed, splitSeed, outcomes, claims, stages);
    }

    private static double Lap(Stopwatch watch)
    {
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }
}
