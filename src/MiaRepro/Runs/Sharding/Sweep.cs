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
    /// <summary>
    /// Why <paramref name="outDir"/> cannot be a shard's folder, or null: it must be absent, empty, or hold only what a
    /// sweep writes there — <c>store/</c> and a <c>shard.json</c> that is MiaRepro's — since a sweep writes into it.
    /// </summary>
    public static SettingProblem? FolderProblem(string outDir)
    {
        var full = Path.GetFullPath(outDir);
        if (File.Exists(full))
        {
            return new SettingProblem(Setting.Out, outDir, "is a file; name a folder for the shard.");
        }

        // Probed where the shard's folder is or will be made (nothing is created), so a read-only --out is named as such.
        var existing = full;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        if (IO.FolderPaths.CannotWrite(existing) is { } why)
        {
            return new SettingProblem(Setting.Out, outDir, $"cannot be written ({why}): name a folder you can write to.");
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
        {
            var link = entry.LinkTarget is not null;
            if (entry.Name == ShardManifest.StoreFolder && entry is DirectoryInfo && !link)
            {
                continue;
            }

            if (entry.Name == ShardManifest.FileName && entry is FileInfo && !link)
            {
                try
                {
                    ShardManifest.Read(full);
                    continue;
                }
                catch (InputException e)
                {
                    return new SettingProblem(
                        Setting.Out, outDir, $"holds a {ShardManifest.FileName} that is not a MiaRepro shard's ({e.Message}), which the sweep would overwrite: name a new or empty folder, or move the file.");
                }
            }

            return new SettingProblem(
                Setting.Out, outDir,
                $"holds '{entry.Name}', which a sweep does not write (a shard's folder holds {ShardManifest.StoreFolder}/ and {ShardManifest.FileName} only): name a new or empty folder.");
        }

        return null;
    }

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
        var context = new TrainingContext(run.Data, run.Device, settings.QueryGrid, store);
        var recipes = settings.Recipes.ToDictionary(name => name, settings.RecipeNamed);
        var examples = run.Data.Population.Count;
        // The shard's share of the run's cases: the same cases, seeds and keep rows reproduce trains.
        var cases = plan.Select(slot => TrainingCase.Of(recipes[slot.Recipe], slot, settings.Seed, run.Keep, examples)).ToList();
        var used = PopulationTrainer.TrainEach(context, cases, run.Workers, progress);
        var models = cases.Select(c => new ShardModel(c.Slot.Recipe, c.Slot.Model, context.KeyOf(c), c.Slot.Twin)).ToList();

        var shardSettings = new ShardSettings(
            shard.Count, scale.Name, settings.Dataset, run.Dataset.Fingerprint, run.Data.Identity,
            scale.Models, scale.Population, scale.Epochs, settings.Seed, settings.Queries,
            [.. settings.Recipes.Select(n => new RecipeHash(n, recipes[n].Hash, settings.FileRecipes.FirstOrDefault(r => r.Name == n)))], Trainer.Version,
            run.Device.type.ToString().ToLowerInvariant(), TrainingContext.DeviceIdentity(run.Device));
        var manifest = new ShardManifest(ShardManifest.CurrentFormat, shard.Index, shardSettings, settings.Threads, models);
        manifest.Write(settings.Out);
        return new SweepResult(manifest, used);
    }
}
