namespace MiaRepro.Store;

/// <summary>
/// <c>model.json</c> of one stored model, written last: its key, its training result and the length and
/// SHA-256 of every file beside it, and the SHA-256 of its own training result (<see cref="MetricsSha256"/>), so an
/// edited accuracy or stop epoch is caught like a damaged file. A model without a sound manifest is not in the store.
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

    /// <summary>
    /// SHA-256 of everything the model contributes to a run besides its files: key, recipe, shape and training result
    /// (not the wall-clock seconds). An entry without it (written before it existed, or with it deleted) cannot be
    /// verified: <see cref="ModelStore"/> discards it and trains the model again, never signing it afresh.
    /// </summary>
    public string? MetricsSha256 { get; init; }

    /// <summary>The checksum <see cref="MetricsSha256"/> must hold, computed from this manifest's fields.</summary>
    public string ComputeMetricsSha256()
    {
        var text = string.Join(
            "\n",
            Key.Hash, Recipe, Examples, Queries, Classes, Round(TrainAccuracy), Round(TestAccuracy), StopEpoch, EpochsRun,
            BestValidationLoss is { } loss ? Round(loss) : "null");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private static string Round(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
