using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiaRepro.IO;

/// <summary>
/// The proof that MiaRepro wrote a folder, so that it replaces or deletes only what is its own. Every output folder
/// it writes is sealed with <see cref="MarkerFile"/>: the kind of output and the relative path of every file it wrote
/// there. A folder is MiaRepro's to replace only when it is empty, or sealed for the same kind with nothing under it
/// that the seal does not list; anything else (no seal, a file added by hand, a link) is the user's.
/// A staging folder carries <see cref="StagingFile"/> holding the token its name ends with, written before anything
/// else, so that a leftover of a killed run can be told from a user's folder of a similar name.
/// </summary>
public static class OwnedFolder
{
    /// <summary>The seal of an output folder, written last, directly in it.</summary>
    public const string MarkerFile = ".miarepro-output.json";

    /// <summary>The token of a staging folder (<c>&lt;pid&gt;-&lt;guid&gt;</c>), written first, directly in it.</summary>
    public const string StagingFile = ".miarepro-staging";

    /// <summary>The format of <see cref="MarkerFile"/>.</summary>
    public const string Format = "miarepro-output-1";

    /// <summary>The most entries an owned folder may hold (and a seal may list); a larger folder is not taken for MiaRepro's.</summary>
    public const int MaxEntries = 1_000_000;

    /// <summary>The largest seal read (a seal listing <see cref="MaxEntries"/> files of ordinary names stays far below it).</summary>
    public const long MaxMarkerBytes = 256L << 20;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowDuplicateProperties = false,
    };

    /// <summary>Seals <paramref name="folder"/> as MiaRepro's output of <paramref name="kind"/>, listing every file now under it.</summary>
    public static void Seal(string folder, string kind)
    {
        var files = new List<string>();
        foreach (var (relative, isFile) in Walk(folder))
        {
            if (isFile && relative is not (MarkerFile or StagingFile))
            {
                files.Add(relative);
            }
        }

        files.Sort(StringComparer.Ordinal);
        AtomicFile.WriteAllText(Path.Combine(folder, MarkerFile), JsonSerializer.Serialize(new Contents(Format, kind, files), s_json));
    }

    /// <summary>
    /// Why MiaRepro cannot replace <paramref name="folder"/> as an output of <paramref name="kind"/> (null when it
    /// can): absent, empty, or sealed for <paramref name="kind"/> with everything under it listed in its seal. Any
    /// other kind is accepted where <paramref name="kind"/> is null.
    /// </summary>
    public static string? Unproven(string folder, string? kind)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var entries = Walk(folder).Where(e => e.Relative != StagingFile).Take(MaxEntries + 1).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        if (entries.Count > MaxEntries)
        {
            return $"holds more than {MaxEntries:N0} files and folders, more than any MiaRepro output";
        }

        var markerPath = Path.Combine(folder, MarkerFile);
        if (!File.Exists(markerPath) || new FileInfo(markerPath).LinkTarget is not null)
        {
            return $"holds '{entries[0].Relative}', and MiaRepro did not write this folder (it has no {MarkerFile})";
        }

        Contents? seal;
        try
        {
            var length = new FileInfo(markerPath).Length;
            if (length > MaxMarkerBytes)
            {
                return $"has a {MarkerFile} of {length:N0} bytes, more than MiaRepro writes ({MaxMarkerBytes:N0})";
            }

            seal = JsonSerializer.Deserialize<Contents>(File.ReadAllText(markerPath), s_json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return $"has an unreadable {MarkerFile} ({e.Message})";
        }

        if (seal is not { Format: Format, Kind: { } sealedKind, Files: { } listed })
        {
            return $"has a {MarkerFile} that is not MiaRepro's ({Format})";
        }

        if (kind is not null && sealedKind != kind)
        {
            return $"is a MiaRepro {sealedKind} output, not a {kind} output";
        }

        var files = listed.ToHashSet(StringComparer.Ordinal);
        var folders = files.SelectMany(Ancestors).ToHashSet(StringComparer.Ordinal);
        foreach (var (relative, isFile) in entries)
        {
            if (relative != MarkerFile && !(isFile ? files.Contains(relative) : folders.Contains(relative)))
            {
                return $"holds '{relative}', which MiaRepro did not write there (it is not in {MarkerFile})";
            }
        }

        return null;
    }

    /// <summary>
    /// Creates the staging folder <paramref name="path"/> (which must not exist) and writes <paramref name="token"/>
    /// into its <see cref="StagingFile"/> before anything else goes in.
    /// </summary>
    public static void CreateStaging(string path, string token)
    {
        if (Directory.Exists(path) || File.Exists(path))
        {
            throw new IOException($"{path} exists already");
        }

        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, StagingFile), token);
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a staging folder MiaRepro made with <paramref name="token"/>: its
    /// <see cref="StagingFile"/> holds exactly that token.
    /// </summary>
    public static bool IsStaging(string path, string token)
    {
        var file = new FileInfo(Path.Combine(path, StagingFile));
        try
        {
            return file.Exists && file.Length <= 256 && file.LinkTarget is null && File.ReadAllText(file.FullName) == token;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Every file and folder under <paramref name="folder"/>, relative with '/' separators, parents before children.
    /// Links are reported as files and not followed.
    /// </summary>
    private static IEnumerable<(string Relative, bool IsFile)> Walk(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            var directory = new DirectoryInfo(relative.Length == 0 ? folder : Path.Combine(folder, relative));
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                var isFolder = entry is DirectoryInfo && entry.LinkTarget is null;
                yield return (path, !isFolder);
                if (isFolder)
                {
                    pending.Push(path);
                }
            }
        }
    }

    private static IEnumerable<string> Ancestors(string relative)
    {
        for (var slash = relative.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = relative.IndexOf('/', slash + 1))
        {
            yield return relative[..slash];
        }
    }

    private sealed record Contents(string? Format, string? Kind, IReadOnlyList<string>? Files);
}
