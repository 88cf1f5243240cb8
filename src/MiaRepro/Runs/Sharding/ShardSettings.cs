namespace MiaRepro.Runs.Sharding;

/// <summary>
/// What every shard of one sweep must agree on (<c>settings</c> in <c>shard.json</c>): how the run is split, and
/// everything the models depend on — scale and overrides, dataset and its content, the training data's identity
/// (fingerprint and split), the master seed, the query views, the recipes and their hashes, the trainer's version
/// and the device. <c>miarepro merge</c> rebuilds the run from these alone.
/// </summary>
/// <param name="Shards">n of <c>--shard i/n</c>.</param>
/// <param name="DatasetFingerprint">The dataset's content fingerprint (<see cref="Data.Dataset.Fingerprint"/>).</param>
/// <param name="Data">The training data's identity: the fingerprint and the population, validation and test indices (<see cref="Training.TrainingData.Identity"/>).</param>
/// <param name="Device">The device the models trained on, as <c>results.json</c> names it (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="DeviceIdentity">The device part of the models' store keys (on CPU with the thread count).</param>
public sealed record ShardSettings(
    int Shards,
    string Scale,
    string Dataset,
    string DatasetFingerprint,
    string Data,
    int Models,
    int Population,
    int Epochs,
    long Seed,
    int Queries,
    IReadOnlyList<RecipeHash> Recipes,
    string Trainer,
    string Device,
    string DeviceIdentity);
