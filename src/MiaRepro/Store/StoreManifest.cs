namespace MiaRepro.Store;

/// <summary>
/// <c>model.json</c> of one stored model, written last: its key, its training result and the length and
/// SHA-256 of every file beside it. A model without a sound manifest is not in the store.
/// </summary>
public sealed record StoreManifest(
    string Format,
    ModelKey Key,
    string Recipe,
    int Examples,
    int Queries,
    int Classes,
    double TrainAccuracy,
    double TestAccuracy,
    int StopEpoch,
    int EpochsRun,
    double? BestValidationLoss,
    double Seconds,
    IReadOnlyDictionary<string, StoredFile> Files)
{
    public const string CurrentFormat = "miarepro-model-v1";
}
