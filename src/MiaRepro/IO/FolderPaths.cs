namespace MiaRepro.IO;

/// <summary>Checks on the folders a run reads and writes, made before anything expensive runs.</summary>
public static class FolderPaths
{
    /// <summary>
    /// Whether <paramref name="inner"/> is <paramref name="outer"/> or lies inside it (after resolving both to full
    /// paths), so that replacing <paramref name="outer"/> whole would take <paramref name="inner"/> with it.
    /// </summary>
    public static bool Within(string inner, string outer) => Inside(Normalized(inner), Normalized(outer));

    /// <summary>
    /// Why files cannot be created in <paramref name="folder"/> (created when missing, as a run would), or null when
    /// they can: a probe file is written and removed.
    /// </summary>
    public static string? CannotWrite(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".miarepro-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static string Normalized(string path) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;

    private static bool Inside(string inner, string outer) =>
        inner.StartsWith(outer, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
