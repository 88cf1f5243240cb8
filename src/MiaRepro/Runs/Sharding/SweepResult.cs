using MiaRepro.Populations;

namespace MiaRepro.Runs.Sharding;

/// <summary>What one shard of a sweep did: its manifest (as written to <c>shard.json</c>) and how its store was used.</summary>
public sealed record SweepResult(ShardManifest Manifest, StoreUse Store);
