using System.Text.Json;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// <c>DIR/shard.json</c>, written by <c>miarepro sweep</c> once every model of its share is in <c>DIR/store</c>: the
/// shard's index i of <see cref="ShardSettings.Shards"/>, the sweep's settings, the thread count, and the key of each
/// model it holds. A folder without it is an unfinished shard.
/// </summary>
/// <param name="Shard">i of <c>--shard i/n</c>, from 1.</param>
/// <param name="Threads">Torch's threads in the sweep (recorded in <c>results.json</c>; on CPU part of the device identity).</param>
public sealed record ShardManifest(string Format, int Shard, ShardSettings Settings, int Threads, IReadOnlyList<ShardModel> Models)
{
    public const string CurrentFormat = "miarepro-shard-v2";
    public const string FileName = "shard.json";

    /// <summary>The shard's model store, inside its folder.</summary>
    public const string StoreFolder = "store";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Writes <c>shard.json</c> into <paramref name="folder"/> atomically (readers see all of it or none).</summary>
    public void Write(string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>Reads the <c>shard.json</c> of <paramref name="folder"/>.</summary>
    /// <exception cref="InputException">Missing, unreadable, or not a <see cref="CurrentFormat"/> manifest; the message names the folder.</exception>
    public static ShardManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InputException(
                $"{folder}: no {FileName}. Name the --out folder of a finished 'miarepro sweep' (a shard writes {FileName} " +
                "after its last model; run the sweep again to finish it).");
        }

        ShardManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new InputException($"{path} is unreadable ({e.Message}); run that shard's sweep again.", e);
        }

        if (manifest is not { Format: CurrentFormat } || manifest.Settings.Shards < 1 || manifest.Shard < 1 || manifest.Shard > manifest.Settings.Shards)
        {
            throw new InputException($"{path} is not a {CurrentFormat} manifest; run that shard's sweep again with this MiaRepro.");
        }

        return manifest;
    }
}
