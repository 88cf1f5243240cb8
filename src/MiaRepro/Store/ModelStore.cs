using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Training;

namespace MiaRepro.Store;

/// <summary>
/// A content-addressed store of trained models under one folder: <c>models/ab/abcd…/</c> (the key's hash) holds
/// <c>logits.npy</c> (float32 [examples, queries, classes]), <c>weights.bin</c> (TorchSharp's state format) and
/// <c>model.json</c> (<see cref="StoreManifest"/>). A model is written whole into <c>tmp/</c> and renamed into
/// place, so a killed run leaves either a complete model or none; a model whose files do not match its
/// manifest's lengths and checksums is discarded and trained again, never used. A store opened with
/// <see cref="OpenReadOnly"/> (a shard of a sweep, read by <c>miarepro merge</c>) reads and verifies only: it
/// creates, removes and writes nothing.
/// </summary>
public sealed class ModelStore : IModelStore
{
    public const string EnvironmentVariable = "MIAREPRO_STORE";

    private const string ManifestFile = "model.json";
    private const string LogitsFile = "logits.npy";
    private const string WeightsFile = "weights.bin";

    /// <summary>More than any .npy header MiaRepro writes (they are 128 bytes).</summary>
    private const long MaxNpyHeaderBytes = 1L << 16;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        AllowDuplicateProperties = false,
    };

    private readonly bool _readOnly;

    public ModelStore(string root)
        : this(root, readOnly: false)
    {
    }

    private ModelStore(string root, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        _readOnly = readOnly;
        if (readOnly)
        {
            return;
        }

        if (File.Exists(Root))
        {
            throw new InputException(new SettingProblem(Setting.Store, root, $"is a file; name a folder (or set {EnvironmentVariable})."));
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(Root, "models"));
            Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(
                new SettingProblem(
                    Setting.Store, root,
                    $"cannot create the model store there ({e.Message}); name a folder you can write to (or set {EnvironmentVariable}), or run without a store."),
                e);
        }

        RemoveAbandonedWrites();
    }

    public string Root { get; }

    /// <summary>
    /// The store under <paramref name="root"/> for reading only: lookups verify as usual, but a model that fails
    /// verification is reported and left in place, and <see cref="Save"/> is refused.
    /// </summary>
    public static ModelStore OpenReadOnly(string root) => new(root, readOnly: true);

    /// <summary>The store's folder when none is named: <c>$MIAREPRO_STORE</c>, else <c>~/.cache/miarepro</c>.</summary>
    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (configured is not null && string.IsNullOrWhiteSpace(configured))
        {
            throw new InputException(
                $"{EnvironmentVariable} is set but blank ('{configured}'): unset it (the store is then ~/.cache/miarepro), or name a store folder.");
        }

        if (configured is not null)
        {
            return configured;
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "miarepro");
    }

    public string PathOf(ModelKey key)
    {
        var hash = key.Hash;
        return Path.Combine(Root, "models", hash[..2], hash);
    }

    /// <summary>
    /// The model stored under <paramref name="key"/>, verified against its manifest (key, shape, lengths, checksums).
    /// An artifact that fails verification is removed (left in place when read-only) and reported in
    /// <see cref="StoreLookup.Discarded"/>.
    /// </summary>
    public StoreLookup Find(ModelKey key, int examples, int queries, int classes)
    {
        var folder = PathOf(key);
        if ((MoveAsideFile(Path.GetDirectoryName(folder)!) ?? MoveAsideFile(folder)) is { } misplaced)
        {
            return new StoreLookup(null, misplaced);
        }

        if (!Directory.Exists(folder))
        {
            return StoreLookup.Miss;
        }

        var problem = Verify(folder, key, examples, queries, classes, out var model);
        if (problem is null)
        {
            return new StoreLookup(model, null);
        }

        if (!_readOnly)
        {
            Directory.Delete(folder, recursive: true);
        }

        return new StoreLookup(null, $"{folder}: {problem}");
    }

    /// <summary>
    /// A regular file where a folder of the store belongs (e.g. left by hand) would fail every save of its model: it is
    /// moved aside, beside itself, and reported (left in place when read-only). Null when <paramref name="path"/> is no file.
    /// </summary>
    private string? MoveAsideFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (_readOnly)
        {
            return $"{path}: a file where a model folder belongs";
        }

        var aside = $"{path}.not-a-model-{Guid.NewGuid():N}";
        File.Move(path, aside);
        return $"{path}: a file where a model folder belongs, moved aside to {aside}";
    }

    /// <summary>Stores a freshly trained model under <paramref name="key"/>; an existing sound entry is kept.</summary>
    public void Save(ModelKey key, string recipe, TrainingResult result, double seconds)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_readOnly)
        {
            throw new InvalidOperationException($"The store {Root} was opened read-only; nothing may be saved in it.");
        }

        var examples = result.Logits.Length / (result.Queries * result.Classes);
        var token = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var staging = Path.Combine(Root, "tmp", token);
        OwnedFolder.CreateStaging(staging, token);
        try
        {
            Npy.Write(Path.Combine(staging, LogitsFile), NpyArray.Of(result.Logits, examples, result.Queries, result.Classes));
            File.WriteAllBytes(Path.Combine(staging, WeightsFile), result.Weights ?? []);
            var files = new Dictionary<string, StoredFile>
            {
                [LogitsFile] = Describe(Path.Combine(staging, LogitsFile)),
                [WeightsFile] = Describe(Path.Combine(staging, WeightsFile)),
            };
            FaultPoint.Reach(FaultPoint.StoreWrite);
            var manifest = new StoreManifest(
                StoreManifest.CurrentFormat, key, recipe, examples, result.Queries, result.Classes,
                result.TrainAccuracy, result.TestAccuracy, result.StopEpoch, result.EpochsRun, result.BestValidationLoss,
                seconds, files);
            manifest = manifest with { MetricsSha256 = manifest.ComputeMetricsSha256() };
            AtomicFile.WriteAllText(Path.Combine(staging, ManifestFile), JsonSerializer.Serialize(manifest, s_json));

            var folder = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            if (Directory.Exists(folder))
            {
                return; // another run stored the same model first
            }

            File.Delete(Path.Combine(staging, OwnedFolder.StagingFile));
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(PathOf(key)))
        {
            // Lost a race with another writer of the same key: its copy stands.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static string? Verify(string folder, ModelKey key, int examples, int queries, int classes, out StoredModel? model)
    {
        model = null;
        StoreManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<StoreManifest>(File.ReadAllText(Path.Combine(folder, ManifestFile)), s_json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return $"unreadable {ManifestFile} ({e.Message})";
        }

        if (manifest is null || manifest.Format != StoreManifest.CurrentFormat || manifest.Files is null)
        {
            return $"{ManifestFile} is not a {StoreManifest.CurrentFormat} manifest";
        }

        if (manifest.Key != key)
        {
            return $"{ManifestFile} names another key";
        }

        // Without its checksum an entry's training result cannot be verified; it is never signed afresh over what may be an edit.
        if (manifest.MetricsSha256 is null)
        {
            return $"{ManifestFile} has no checksum of its training result (metrics_sha256), so its accuracies and epochs cannot be verified";
        }

        if (manifest.MetricsSha256 != manifest.ComputeMetricsSha256())
        {
            return $"{ManifestFile}'s training result (accuracies, epochs, loss) fails its SHA-256 checksum: it was edited";
        }

        if ((manifest.Examples, manifest.Queries, manifest.Classes) != (examples, queries, classes))
        {
            return $"shape {manifest.Examples}×{manifest.Queries}×{manifest.Classes}, expected {examples}×{queries}×{classes}";
        }

        byte[] logitsBytes = [];
        foreach (var name in new[] { LogitsFile, WeightsFile })
        {
            var path = Path.Combine(folder, name);
            if (!manifest.Files.TryGetValue(name, out var expected) || expected is null)
            {
                return $"{ManifestFile} lists no {name}";
            }

            if (!File.Exists(path))
            {
                return $"{name} is missing";
            }

            // The size is compared before the file is read, so a manifest cannot make a large file be loaded.
            if (name == LogitsFile && expected.Bytes > MaxNpyHeaderBytes + (4L * examples * queries * classes))
            {
                return $"{name} is listed with {expected.Bytes} bytes, more than float32 [{examples}, {queries}, {classes}] takes";
            }

            var length = new FileInfo(path).Length;
            if (length != expected.Bytes)
            {
                return $"{name} has {length} bytes, its manifest says {expected.Bytes} (truncated?)";
            }

            // The logits are read once: checksummed and then parsed from the same bytes.
            var bytes = name == LogitsFile ? File.ReadAllBytes(path) : null;
            var actual = bytes is null ? Describe(path) : new StoredFile(bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            logitsBytes = bytes ?? logitsBytes;
            if (actual.Sha256 != expected.Sha256)
            {
                return $"{name} fails its SHA-256 checksum";
            }
        }

        NpyArray logits;
        try
        {
            using var stream = new MemoryStream(logitsBytes, writable: false);
            logits = Npy.Read(stream, Path.Combine(folder, LogitsFile));
        }
        catch (InputException e)
        {
            return e.Message;
        }

        if (logits.Data is not float[] values || !logits.Shape.SequenceEqual([examples, queries, classes]))
        {
            return $"{LogitsFile} is not float32 [{examples}, {queries}, {classes}]";
        }

        var result = new TrainingResult(
            values, queries, classes, manifest.TrainAccuracy, manifest.TestAccuracy, manifest.StopEpoch,
            manifest.EpochsRun, manifest.BestValidationLoss);
        model = new StoredModel(result, manifest.Seconds);
        return null;
    }

    private static StoredFile Describe(string path)
    {
        using var stream = File.OpenRead(path);
        return new StoredFile(stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>
    /// Removes the staging folders of runs that are no longer alive (killed mid-write), and only those: each holds its
    /// own token (<see cref="OwnedFolder.StagingFile"/>); any other folder in <c>tmp/</c> is left alone.
    /// </summary>
    private void RemoveAbandonedWrites()
    {
        foreach (var staging in Directory.EnumerateDirectories(Path.Combine(Root, "tmp")))
        {
            var token = Path.GetFileName(staging);
            if (AbandonedWrites.IsAbandoned(staging, token))
            {
                AbandonedWrites.Remove(staging);
            }
        }
    }
}
