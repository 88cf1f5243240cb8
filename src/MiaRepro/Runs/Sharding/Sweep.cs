using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Store;
using MiaRepro.Training;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// <c>miarepro sweep</c>: trains one shard's share of a run's models (<see cref="ShardPlan"/>) into the shard's own
/// model store, <c>DIR/store</c>, then writes <c>DIR/shard.json</c> (<see cref="ShardManifest"/>). The data, split,
/// keep matrix and model seeds are those of the unsharded run, so each model is the one <c>reproduce</c> would
/// train. Running a shard again reuses what its store already holds (a killed shard resumes).
/// </summary>
public static class Sweep
{
    /// <param name="settings">The run's settings; <see cref="RunSettings.Out"/> is the shard's folder and <see cref="RunSettings.Store"/> is ignored.</param>
    public static SweepResult Run(RunSettings settings, Shard shard, IProgress<PopulationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RequireValid();
        var plan = ShardPlan.Of(shard, settings.Recipes, settings.Scale.Models, settings.Scale.TwinsOf);
        var scale = settings.Scale;
        using var run = RunData.Prepare(
            scale, settings.Dataset, settings.DataDir, settings.Device, settings.Threads, scale.Models, settings.Seed, settings.CpuKernels);
        var store = new ModelStore(Path.Combine(settings.Out, ShardManifest.StoreFolder));
        var recipes = settings.Recipes.ToDictionary(name => name, name => RecipeCatalog.Create(name, scale));
        var examples = run.Data.Population.Count;
        var models = new List<ShardModel>(plan.Count);
        var discarded = new List<string>();
        var reused = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            var (name, m, twin) = plan[i];
            var recipe = recipes[name];
            var keepRow = run.Keep.AsSpan(m * examples, examples);
            var seed = twin ? PopulationTrainer.TwinSeed(settings.Seed, m) : PopulationTrainer.ModelSeed(settings.Seed, m);
            var (_, _, fromStore) = PopulationTrainer.TrainOrReuse(
                recipe, run.Data, keepRow, seed, run.Device, settings.QueryGrid, i, plan.Count, progress, store, discarded);
            reused += fromStore ? 1 : 0;
            models.Add(new ShardModel(name, m, PopulationTrainer.KeyOf(recipe, run.Data, keepRow, seed, settings.QueryGrid, run.Device), twin));
            progress?.Report(new PopulationProgress(name, i + 1, plan.Count, 0, recipe.Epochs));
        }

        var shardSettings = new ShardSettings(
            shard.Count, scale.Name, settings.Dataset, run.Dataset.Fingerprint, run.Data.Identity,
            scale.Models, scale.Population, scale.Epochs, settings.Seed, settings.Queries,
            [.. settings.Recipes.Select(n => new RecipeHash(n, recipes[n].Hash))], Trainer.Version,
            run.Device.type.ToString().ToLowerInvariant(), PopulationTrainer.DeviceIdentity(run.Device));
        var manifest = new ShardManifest(ShardManifest.CurrentFormat, shard.Index, shardSettings, settings.Threads, models);
        manifest.Write(settings.Out);
        return new SweepResult(manifest, new StoreUse(store.Root, reused, plan.Count - reused, discarded));
    }
}
