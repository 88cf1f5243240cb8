using System.Diagnostics;

namespace MiaRepro.IO;

/// <summary>
/// Staging folders are named with the writer's process id, <c>&lt;pid&gt;-&lt;guid&gt;</c>; one whose writer is no
/// longer alive was abandoned by a killed run and may be removed.
/// </summary>
public static class AbandonedWrites
{
    /// <summary>Whether <paramref name="token"/> (<c>&lt;pid&gt;-…</c>) names a process that is still alive; false for any other name.</summary>
    public static bool WriterIsAlive(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(token[..dash], out var pid) && IsAlive(pid);
    }

    /// <summary>
    /// Whether <paramref name="folder"/> is a staging folder MiaRepro made with <paramref name="token"/> (its
    /// <see cref="OwnedFolder.StagingFile"/> holds it; not a link) whose writer is no longer alive: a leftover of a
    /// killed run, safe to remove. A user's folder of a similar name is never one.
    /// </summary>
    public static bool IsAbandoned(string folder, string token) =>
        new DirectoryInfo(folder).LinkTarget is null && OwnedFolder.IsStaging(folder, token) && !WriterIsAlive(token);

    /// <summary>Deletes <paramref name="folder"/>, tolerating another process that deletes it at the same time.</summary>
    public static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Another process cleaned up first.
        }
        catch (IOException)
        {
            // Another process is cleaning up too.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
