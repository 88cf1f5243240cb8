using MiaRepro.Store;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// A model a shard holds: its recipe, its index in the recipe's population (or, when <paramref name="Twin"/>, the
/// model it twins), and its key in the shard's store.
/// </summary>
public sealed record ShardModel(string Recipe, int Model, ModelKey Key, bool Twin = false);
