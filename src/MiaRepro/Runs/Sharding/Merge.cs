using MiaRepro.Populations;
using MiaRepro.Results;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// <c>miarepro merge</c>: the unsharded run rebuilt from its shards — the same settings, data, split and keep matrix,
/// every model taken from the shard that holds it (<see cref="ShardStore"/>), nothing trained — then every attack
/// and claim, as <see cref="Reproduction.Run(RunSettings, IProgress{PopulationProgress}?)"/> does. So its results
/// equal those of <c>reproduce</c> with the same options (wall-clock seconds aside).
/// </summary>
public static class Merge
{
    /// <param name="folders">The shards' folders (the <c>--out</c> of each <c>miarepro sweep</c>).</param>
    /// <param name="dataDir">The dataset's folder here (null: <c>$MIAREPRO_DATA</c>, else the dataset's default).</param>
    /// <exception cref="InputException">The shards do not form one whole sweep, or a model is unusable; the message names the shard.</exception>
    public static ReproductionResult Run(
        IReadOnlyList<string> folders, string outDir, string? dataDir, IProgress<PopulationProgress>? progress = null)
    {
        var shards = ShardSet.Load(folders);
        var settings = shards.ToRunSettings(outDir, dataDir);
        var result = Reproduction.Run(settings, new ShardStore(shards), progress);

        // The device the models trained on, as an unsharded run records it (this machine only read them).
        return result with { Device = shards.Settings.Device };
    }
}
