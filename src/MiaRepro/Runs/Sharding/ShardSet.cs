using System.Text.Json;
using System.Text.Json.Nodes;
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
            throw new InputException("Name the shard folders to merge: miarepro merge --out DIR SHARD_DIR... (the --out folders of 'miarepro sweep').");
        }

        var shards = folders.Select(f => new ShardFolder(f, ShardManifest.Read(f))).ToList();
        var first = shards[0];
        var errors = new List<string>();
        foreach (var shard in shards.Skip(1))
        {
            errors.AddRange(Differences(first.Manifest.Settings, shard.Manifest.Settings)
                .Select(d => $"{shard.Path}: {d} differs from {first.Path}'s; merge only shards of one sweep (same options, same data)."));
        }

        ThrowIfAny(errors);
        var settings = first.Manifest.Settings;
        foreach (var twice in shards.GroupBy(s => s.Manifest.Shard).Where(g => g.Count() > 1))
        {
            errors.Add($"{string.Join(", ", twice.Select(s => s.Path))}: each is shard {twice.Key}/{settings.Shards}; name each shard once.");
        }

        var present = shards.Select(s => s.Manifest.Shard).ToHashSet();
        foreach (var missing in Enumerable.Range(1, settings.Shards).Where(i => !present.Contains(i)))
        {
            errors.Add(Invariant(
                $"shard {missing}/{settings.Shards} is missing: train it with 'miarepro sweep' and the same options, --shard {missing}/{settings.Shards}, and name its folder too."));
        }

        var recipes = settings.Recipes.Select(r => r.Name).ToList();
        var scale = RunSettings.Profile(settings.Scale, settings.Models, settings.Population, settings.Epochs);
        foreach (var shard in shards)
        {
            var expected = ShardPlan.Of(new Shard(shard.Manifest.Shard, settings.Shards), recipes, settings.Models, scale.TwinsOf);
            var held = shard.Manifest.Models.Select(m => new ModelSlot(m.Recipe, m.Model, m.Twin)).ToList();
            if (!held.SequenceEqual(expected))
            {
                errors.Add(Invariant(
                    $"{shard.Path}: its {held.Count} models are not shard {shard.Manifest.Shard}/{settings.Shards}'s share of this sweep ({expected.Count} models, every {settings.Shards}th from position {shard.Manifest.Shard - 1}); its shard.json was not written by this sweep — run that shard again."));
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
            Store: null, Queries: s.Queries, CpuKernels: KernelsOf(s.DeviceIdentity));
        var manifest = Path.Combine(Shards[0].Path, ShardManifest.FileName);
        try
        {
            settings.Validate();
        }
        catch (InputException e)
        {
            // The values came from the manifest, not from the command line: name it and its fields, not the options.
            throw new InputException(
                $"{manifest}: the sweep's settings are not valid here — {ManifestFields(e.Message)} — the shard.json was edited, or written by another MiaRepro version; run the sweep again.", e);
        }

        var errors = s.Recipes
            .Where(r => RecipeCatalog.Create(r.Name, scale).Hash != r.Hash)
            .Select(r => Invariant(
                $"recipe '{r.Name}' hashes to {RecipeCatalog.Create(r.Name, scale).Hash} here with {manifest}'s settings (scale {s.Scale}, models {s.Models}, population {s.Population}, epochs {s.Epochs}) but to {r.Hash} in the shards"))
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

    /// <summary>A settings message with each command-line option named as the shard.json field it was read from.</summary>
    private static string ManifestFields(string message) =>
        s_fields.Aggregate(message, (text, f) => text.Replace(f.Option, $"shard.json's {f.Field}", StringComparison.Ordinal));

    private static readonly (string Option, string Field)[] s_fields =
    [
        ("--population", "settings.population"), ("--dataset", "settings.dataset"), ("--threads", "threads"),
        ("--models", "settings.models"), ("--epochs", "settings.epochs"), ("--queries", "settings.queries"),
        ("--recipes", "settings.recipes"), ("--seed", "settings.seed"), ("--scale", "settings.scale"),
    ];

    /// <summary>The settings that differ between two manifests, each as "name value (other value)".</summary>
    internal static IEnumerable<string> Differences<T>(T expected, T actual)
    {
        var a = JsonSerializer.SerializeToNode(expected, ShardManifest.Json)!.AsObject();
        var b = JsonSerializer.SerializeToNode(actual, ShardManifest.Json)!.AsObject();
        return a.Where(p => !JsonNode.DeepEquals(p.Value, b[p.Key]))
            .Select(p => $"{p.Key} {b[p.Key]?.ToJsonString() ?? "null"} (not {p.Value?.ToJsonString() ?? "null"})");
    }

    private static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InputException(string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>
    /// The CPU kernels a merge of these shards computes with: those the shards trained with when they trained on
    /// CPU with native kernels, else portable (a merge trains nothing, so this only decides what results.json records).
    /// </summary>
    private static string KernelsOf(string deviceIdentity) =>
        deviceIdentity.Contains($":{CpuKernels.Native}:", StringComparison.Ordinal) ? CpuKernels.Native : CpuKernels.Portable;
}
