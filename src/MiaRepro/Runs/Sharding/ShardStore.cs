using MiaRepro.Store;
using MiaRepro.Training;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// The stores of a sweep's shards as one read-only store, for <c>miarepro merge</c>: a model is looked up in the
/// shard whose manifest lists its key, under the device the shards trained on (the merging machine's may differ).
/// It supplies every model and trains none: a model no shard lists (other data or settings here), or one whose
/// files fail verification, is an input error that names the shard's folder.
/// </summary>
public sealed class ShardStore : IModelStore
{
    private readonly ShardSet _shards;
    private readonly Dictionary<string, (ShardFolder Shard, ShardModel Model)> _byAddress = [];
    private readonly Dictionary<ShardFolder, ModelStore> _stores = [];

    public ShardStore(ShardSet shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        _shards = shards;
        foreach (var shard in shards.Shards)
        {
            _stores[shard] = ModelStore.OpenReadOnly(shard.Store);
            foreach (var model in shard.Manifest.Models)
            {
                _byAddress[model.Key.Hash] = (shard, model);
            }
        }
    }

    public string Root => string.Join(", ", _shards.Shards.Select(s => s.Path));

    public StoreLookup Find(ModelKey key, int examples, int queries, int classes)
    {
        ArgumentNullException.ThrowIfNull(key);
        var wanted = key with { Device = _shards.Settings.DeviceIdentity };
        if (!_byAddress.TryGetValue(wanted.Hash, out var held))
        {
            throw new InputException(Unlisted(wanted));
        }

        var lookup = _stores[held.Shard].Find(wanted, examples, queries, classes);
        return lookup.Model is not null
            ? lookup
            : throw new InputException(new SettingProblem(
                Setting.Shard, $"{held.Shard.Manifest.Shard}/{_shards.Settings.Shards}",
                $"{held.Shard.Path}: {held.Model.Recipe} model {held.Model.Model} is unusable " +
                $"({lookup.Discarded ?? $"{_stores[held.Shard].PathOf(wanted)} is missing"}). Run that shard again — 'miarepro sweep' with the " +
                $"same settings, into {held.Shard.Path} — it trains only what its store lacks."));
    }

    public void Save(ModelKey key, string recipe, TrainingResult result, double seconds) =>
        throw new InvalidOperationException("Merging trains nothing: every model comes from a shard (a lookup that misses is an input error).");

    /// <summary>Why no shard lists <paramref name="key"/>: what differs from the shards' key of the same recipe and seed.</summary>
    private string Unlisted(ModelKey key)
    {
        var recipe = _shards.Settings.Recipes.FirstOrDefault(r => r.Hash == key.Recipe)?.Name ?? key.Recipe;
        var twin = _byAddress.Values.Select(v => v.Model.Key).FirstOrDefault(k => k.Recipe == key.Recipe && k.Seed == key.Seed);
        var differences = twin is null ? "recipe or seed" : string.Join(", ", ShardSet.Differences(twin, key));
        var hint = twin is not null && twin.Data != key.Data
            ? " The training data differs: either the dataset files of this data folder are not the ones the shards trained on, " +
              "or the shards' shard.json settings (dataset, population, seed) were changed after their models were trained (then run the shards again)."
            : string.Empty;
        return $"No shard holds the {recipe} model with seed {key.Seed}: here its key differs from the shards' in {differences}.{hint} " +
            "Merge with the data and MiaRepro version the sweep used.";
    }
}
