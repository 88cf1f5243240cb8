namespace MiaRepro.Runs.Sharding;

/// <summary>A shard's folder as named on the command line, and its manifest.</summary>
public sealed record ShardFolder(string Path, ShardManifest Manifest)
{
    /// <summary>The shard's model store (<c>Path/store</c>).</summary>
    public string Store => System.IO.Path.Combine(Path, ShardManifest.StoreFolder);
}
