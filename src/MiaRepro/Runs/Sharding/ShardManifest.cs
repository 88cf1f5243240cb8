using System.Text.Json;
using MiaRepro.IO;
using static System.FormattableString;

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

    /// <summary>The largest shard.json read (a shard of the paper's grid lists a few thousand models in well under 1 MiB).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>The shard's model store, inside its folder.</summary>
    public const string StoreFolder = "store";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
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
                $"{folder}: no {FileName}. Name the output folder of a finished 'miarepro sweep' (a shard writes {FileName} " +
                "after its last model; run the sweep again to finish it).");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new InputException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path} has {new FileInfo(path).Length:N0} bytes, more than a shard's manifest ({MaxBytes:N0}); it was not written by a sweep — run that shard again."));
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

        // Bound the counts before anything is sized by them: n shards of a run of T models (twins included, at most
        // twice the population models) each hold ⌊T/n⌋ or ⌈T/n⌉, so T ≤ n · (held + 1) and n ≤ T.
        var (settings, held) = (manifest.Settings, (long)(manifest.Models?.Count ?? 0));
        var population = (long)settings.Models * (settings.Recipes?.Count ?? 0);
        if (settings.Models < 1 || population < 1 || population > settings.Shards * (held + 1) || settings.Shards > 2 * population)
        {
            throw new InputException(Invariant(
                $"{path} is inconsistent: {settings.Shards} shards of {settings.Recipes?.Count ?? 0} recipes × {settings.Models} models cannot give this shard {held} models; it was not written by 'miarepro sweep' (or was edited): run that shard's sweep again."));
        }

        return manifest;
    }
}
