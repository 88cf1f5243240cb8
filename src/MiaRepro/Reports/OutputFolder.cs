using MiaRepro.IO;

namespace MiaRepro.Reports;

/// <summary>
/// An output folder holds one run's outputs and nothing else, and never a mix of two: every file is written into a
/// staging folder beside it, which then replaces the folder whole (the old one is moved aside and deleted). A run
/// killed while writing leaves the previous outputs (or none) and a <c>*.staging-*</c> folder (which the next run into the
/// folder removes), never a complete-looking mix; outputs of recipes or plots the new run lacks do not survive it.
/// </summary>
public static class OutputFolder
{
    private const string StagingKind = "staging";
    private const string OldKind = "old";

    /// <summary>
    /// What is wrong, checked before anything expensive runs, with <paramref name="outDir"/> as an output folder:
    /// a file, a folder that cannot be written, or one that holds files that are not MiaRepro's outputs (a folder of
    /// the user's would be replaced). Null when the run can write there.
    /// </summary>
    /// <param name="layout">What the folder may hold (<see cref="OutputLayout.Run"/> when null).</param>
    public static SettingProblem? Problem(string outDir, OutputLayout? layout = null)
    {
        var full = Path.GetFullPath(outDir);
        if (File.Exists(full))
        {
            return new SettingProblem(Setting.Out, outDir, "is a file; name a folder.");
        }

        if (Foreign(outDir, layout ?? OutputLayout.Run) is { } foreign)
        {
            return foreign;
        }

        var parent = Path.GetDirectoryName(full) ?? full;
        try
        {
            Directory.CreateDirectory(parent);
            var probe = Path.Combine(parent, $".miarepro-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SettingProblem(Setting.Out, outDir, $"cannot write into {parent} ({e.Message}); name a folder you can write to.");
        }
    }

    private static SettingProblem? Foreign(string outDir, OutputLayout layout)
    {
        var full = Path.GetFullPath(outDir);
        return Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).FirstOrDefault(n => !layout.Owns(n!)) is { } foreign
            ? new SettingProblem(
                Setting.Out, outDir,
                $"holds '{foreign}', which is not a MiaRepro {layout.Name} output; the outputs replace the folder whole, " +
                "so name a new or empty folder, or one written by an earlier run.")
            : null;
    }

    /// <summary>Writes the outputs with <paramref name="write"/> into a staging folder, then puts it in place of <paramref name="outDir"/>.</summary>
    /// <param name="layout">What the folder may hold (<see cref="OutputLayout.Run"/> when null).</param>
    public static void Replace(string outDir, Action<string> write, OutputLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Foreign(outDir, layout ?? OutputLayout.Run) is { } foreign)
        {
            throw new InputException(foreign);
        }

        var full = Path.GetFullPath(outDir);
        RemoveAbandonedSiblings(full);
        var token = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var staging = $"{full}.{StagingKind}-{token}";
        try
        {
            Directory.CreateDirectory(staging);
            write(staging);
            if (Directory.Exists(full))
            {
                var old = $"{full}.{OldKind}-{token}";
                Directory.Move(full, old);
                FaultPoint.Reach(FaultPoint.OutputSwap);
                Directory.Move(staging, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(
                new SettingProblem(Setting.Out, outDir, $"the outputs could not be written ({e.Message}); free space or name a folder you can write to."), e);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Removes the staging and moved-aside folders (<c>&lt;out&gt;.staging-&lt;pid&gt;-…</c>, <c>&lt;out&gt;.old-&lt;pid&gt;-…</c>) that a
    /// run killed while writing <paramref name="full"/> left beside it; those of a live run are kept.
    /// </summary>
    private static void RemoveAbandonedSiblings(string full)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return;
        }

        var name = Path.GetFileName(full);
        foreach (var sibling in Directory.EnumerateDirectories(parent))
        {
            // By prefix, not a search pattern: "name.*" also matches "name" itself.
            var siblingName = Path.GetFileName(sibling);
            if (!siblingName.StartsWith(name + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = siblingName[(name.Length + 1)..];
            foreach (var kind in (string[])[StagingKind, OldKind])
            {
                if (rest.StartsWith(kind + "-", StringComparison.Ordinal) && !AbandonedWrites.WriterIsAlive(rest[(kind.Length + 1)..]))
                {
                    AbandonedWrites.Remove(sibling);
                }
            }
        }
    }
}
