using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Training;
using static System.FormattableString;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// The shards of one sweep, checked before anything is loaded: every folder has a manifest, all agree on the
/// sweep's settings, and together they are shards 1…n, each holding exactly its share of the models — so every
/// model of the run is held exactly once. Each problem names the shard's folder and the fix.
/// </summary>
public sealed class ShardSet
{
    private ShardSet(IReadOnlyList<ShardFolder> shards) => Shards = shards;

    /// <summary>The shards in order of their index (1…n).</summary>
    public IReadOnlyList<ShardFolder> Shards { get; }

    /// <summary>The settings every shard agrees on.</summary>
    public ShardSettings Settings => Shards[0].Manifest.Settings;

    /// <exception cref="InputException">No folder, a folder without a sound manifest, settings that differ, a shard twice or missing, or a share that is not the shard's.</exception>
    public static ShardSet Load(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0)
        {
            throw new InputException(new SettingProblem(Setting.Shards, null, "name the shard folders to merge: the output folders of 'miarepro sweep'."));
        }

        var shards = folders.Select(f => new ShardFolder(f, ShardManifest.Read(f))).ToList();
        var first = shards[0];
        var errors = new List<SettingProblem>();
        foreach (var shard in shards.Skip(1))
        {
            errors.AddRange(Differences(first.Manifest.Settings, shard.Manifest.Settings)
                .Select(d => new SettingProblem(Setting.Shards, shard.Path, $"{d} differs from {first.Path}'s; merge only shards of one sweep (same settings, same data).")));
        }

        ThrowIfAny(errors);
        var settings = first.Manifest.Settings;
        // Bounded before anything is counted or listed by them: a tampered manifest must not ask for millions of lines or gigabytes.
        var firstManifest = Path.Combine(first.Path, ShardManifest.FileName);
        if (settings.Shards > Shard.MaxCount || folders.Count > Shard.MaxCount)
        {
            throw new InputException(Invariant($"{firstManifest}: settings.shards {settings.Shards} is more than MiaRepro splits a run into ({Shard.MaxCount}); the shard.json was edited — run the sweep again."));
        }

        if (settings.Models is < RunSettings.MinModels or > RunSettings.MaxModels)
        {
            throw new InputException(Invariant($"{firstManifest}: settings.models {settings.Models} is outside {RunSettings.MinModels}…{RunSettings.MaxModels}; the shard.json was edited — run the sweep again."));
        }

        foreach (var twice in shards.GroupBy(s => s.Manifest.Shard).Where(g => g.Count() > 1))
        {
            errors.Add(new SettingProblem(
                Setting.Shards, string.Join(", ", twice.Select(s => s.Path)), $"each is shard {twice.Key}/{settings.Shards}; name each shard once."));
        }

        var present = shards.Select(s => s.Manifest.Shard).ToHashSet();
        foreach (var missing in Enumerable.Range(1, settings.Shards).Where(i => !present.Contains(i)))
        {
            errors.Add(new SettingProblem(
                Setting.Shard, Invariant($"{missing}/{settings.Shards}"),
                "is missing: train that shard with 'miarepro sweep' and the same settings, and name its folder too."));
        }

        var recipes = settings.Recipes.Select(r => r.Name).ToList();
        var scale = RunSettings.Profile(settings.Scale, settings.Models, settings.Population, settings.Epochs);
        foreach (var shard in shards)
        {
            var share = new Shard(shard.Manifest.Shard, settings.Shards);
            if (ShardPlan.Problem(share, recipes, settings.Models, scale.TwinsOf) is { } problem)
            {
                errors.Add(new SettingProblem(Setting.Shards, shard.Path, ManifestField(problem)));
                continue;
            }

            var expected = ShardPlan.Of(share, recipes, settings.Models, scale.TwinsOf);
            var held = shard.Manifest.Models.Select(m => new ModelSlot(m.Recipe, m.Model, m.Twin)).ToList();
            if (!held.SequenceEqual(expected))
            {
                errors.Add(new SettingProblem(Setting.Shards, shard.Path, Invariant(
                    $"its {held.Count} models are not shard {shard.Manifest.Shard}/{settings.Shards}'s share of this sweep ({expected.Count} models, every {settings.Shards}th from position {shard.Manifest.Shard - 1}); its shard.json was not written by this sweep — run that shard again.")));
            }
        }

        ThrowIfAny(errors);
        return new ShardSet([.. shards.OrderBy(s => s.Manifest.Shard)]);
    }

    /// <summary>
    /// The unsharded run these shards are a split of, writing to <paramref name="outDir"/> and reading the data from
    /// <paramref name="dataDir"/> (else the usual default): on CPU (merging trains nothing), with the shards' thread
    /// count. Checks that this MiaRepro builds the same recipes and trainer the shards were trained with.
    /// </summary>
    /// <exception cref="InputException">A recipe hashes differently here, or the trainer's version differs.</exception>
    public RunSettings ToRunSettings(string outDir, string? dataDir)
    {
        var s = Settings;
        var scale = RunSettings.Profile(s.Scale, s.Models, s.Population, s.Epochs);
        var settings = new RunSettings(
            scale, s.Dataset, dataDir, "cpu", [.. s.Recipes.Select(r => r.Name)], s.Seed, outDir, Shards[0].Manifest.Threads,
            Store: null, Queries: s.Queries, CpuKernels: KernelsOf(s.DeviceIdentity))
        {
            FileRecipes = [.. s.Recipes.Select(r => r.Recipe).OfType<Recipe>()],
        };
        var manifest = Path.Combine(Shards[0].Path, ShardManifest.FileName);
        if (settings.Problems() is { Count: > 0 } problems)
        {
            // The values came from the manifest, not from the command line: name it and its fields.
            throw new InputException(
                $"{manifest}: the sweep's settings are not valid here — {string.Join("; ", problems.Select(ManifestField))} — the shard.json was edited, or written by another MiaRepro version; run the sweep again.");
        }

        var errors = s.Recipes
            .Where(r => settings.RecipeNamed(r.Name).Hash != r.Hash)
            .Select(r => Invariant(
                $"recipe '{r.Name}' hashes to {settings.RecipeNamed(r.Name).Hash} here with {manifest}'s settings (scale {s.Scale}, models {s.Models}, population {s.Population}, epochs {s.Epochs}) but to {r.Hash} in the shards"))
            .ToList();
        if (s.Trainer != Trainer.Version)
        {
            errors.Add($"the shards were trained by trainer version {s.Trainer}, this MiaRepro's is {Trainer.Version}");
        }

        if (errors.Count > 0)
        {
            throw new InputException(
                $"{string.Join("; ", errors)}: the shard.json was edited after the sweep, or the sweep ran another MiaRepro version — merge with the version that ran the sweep, or run the sweep again with this one.");
        }

        return settings;
    }

    /// <summary>A problem of a setting read from shard.json, named as the field it was read from.</summary>
    private static string ManifestField(SettingProblem problem) =>
        $"shard.json's {(problem.Setting == Setting.Threads ? "threads" : $"settings.{problem.Setting}")}" +
        $"{(problem.Value is null ? "" : " " + problem.Value)}: {problem.Message}";

    /// <summary>The settings that differ between two manifests, each as "name value (other value)".</summary>
    internal static IEnumerable<string> Differences<T>(T expected, T actual)
    {
        var a = JsonSerializer.SerializeToNode(expected, ShardManifest.Json)!.AsObject();
        var b = JsonSerializer.SerializeToNode(actual, ShardManifest.Json)!.AsObject();
        return a.Where(p => !JsonNode.DeepEquals(p.Value, b[p.Key]))
            .Select(p => $"{p.Key} {b[p.Key]?.ToJsonString() ?? "null"} (not {p.Value?.ToJsonString() ?? "null"})");
    }

    private static void ThrowIfAny(List<SettingProblem> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    /// <summary>
    /// The CPU kernels a merge of these shards computes with: those the shards trained with when they trained on
    /// CPU with native kernels, else portable (a merge trains nothing, so this only decides what results.json records).
    /// </summary>
    private static string KernelsOf(string deviceIdentity) =>
        deviceIdentity.Contains($":{CpuKernels.Native}:", StringComparison.Ordinal) ? CpuKernels.Native : CpuKernels.Portable;
}
