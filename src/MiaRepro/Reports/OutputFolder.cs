using MiaRepro.IO;

namespace MiaRepro.Reports;

/// <summary>
/// An output folder holds one run's outputs and nothing else, and never a mix of two: every file is written into a
/// staging folder beside it, which then replaces the folder whole (the old one is moved aside and deleted). A run
/// killed while writing leaves the previous outputs (or none) and a <c>*.staging-*</c> folder (which the next run into the
/// folder removes), never a complete-looking mix; outputs of recipes or plots the new run lacks do not survive it.
/// Only a folder MiaRepro can prove it wrote is replaced: every output folder is sealed (<see cref="OwnedFolder"/>)
/// with the files written into it, and a folder without a seal, or with anything the seal does not list, is refused.
/// </summary>
public static class OutputFolder
{
    private const string StagingKind = "staging";
    private const string OldKind = "old";

    /// <summary>
    /// What is wrong, checked before anything expensive runs, with <paramref name="outDir"/> as an output folder:
    /// a file, a folder that cannot be written, one that holds files MiaRepro cannot prove it wrote (a folder of the
    /// user's would be replaced), or one that is, or holds, one of the run's <paramref name="inputs"/>.
    /// Null when the run can write there.
    /// </summary>
    /// <param name="layout">What the folder may hold (<see cref="OutputLayout.Run"/> when null).</param>
    /// <param name="inputs">The folders and files the run reads, by the setting that names them (null paths are skipped).</param>
    public static SettingProblem? Problem(string outDir, OutputLayout? layout = null, params IEnumerable<(string Setting, string? Path)> inputs)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            return new SettingProblem(Setting.Out, $"'{outDir}'", "is empty: name a folder.");
        }

        var full = Path.GetFullPath(outDir);
        if (new FileInfo(Path.TrimEndingDirectorySeparator(full)).LinkTarget is { } target)
        {
            return new SettingProblem(
                Setting.Out, outDir, $"is a link (to {target}); the outputs replace the output folder whole, so name the folder itself, not a link to it.");
        }

        if (File.Exists(full))
        {
            return new SettingProblem(Setting.Out, outDir, "is a file; name a folder.");
        }

        foreach (var (setting, path) in inputs)
        {
            if (path is not null && FolderPaths.Within(path, full))
            {
                return new SettingProblem(
                    Setting.Out, outDir,
                    $"holds the {setting.Replace('_', ' ')} {path} the run reads: the outputs replace the output folder whole, so the input would be lost. Name an output folder apart from the run's inputs.");
            }
        }

        if (Foreign(outDir, layout ?? OutputLayout.Run) is { } foreign)
        {
            return foreign;
        }

        var parent = Path.GetDirectoryName(full) ?? full;
        return FolderPaths.CannotWrite(parent) is { } why
            ? new SettingProblem(Setting.Out, outDir, $"cannot write into {parent} ({why}); name a folder you can write to.")
            : null;
    }

    private static SettingProblem? Foreign(string outDir, OutputLayout layout) =>
        OwnedFolder.Unproven(Path.GetFullPath(outDir), layout.Name) is { } why
            ? new SettingProblem(
                Setting.Out, outDir,
                $"{why}; the outputs replace the folder whole, so MiaRepro replaces only a folder it wrote. Name a new or empty folder, or move your files out.")
            : null;

    /// <summary>Writes the outputs with <paramref name="write"/> into a staging folder, then puts it in place of <paramref name="outDir"/>.</summary>
    /// <param name="layout">What the folder may hold (<see cref="OutputLayout.Run"/> when null).</param>
    public static void Replace(string outDir, Action<string> write, OutputLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        layout ??= OutputLayout.Run;
        if (Foreign(outDir, layout) is { } foreign)
        {
            throw new InputException(foreign);
        }

        var full = Path.GetFullPath(outDir);
        RemoveAbandonedSiblings(full);
        var token = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var staging = $"{full}.{StagingKind}-{token}";
        var created = false;
        try
        {
            OwnedFolder.CreateStaging(staging, token);
            created = true;
            write(staging);
            OwnedFolder.Seal(staging, layout.Name);
            if (Directory.Exists(full))
            {
                // Checked again: the run may have taken hours, and a file put there meanwhile is the user's.
                if (Foreign(outDir, layout) is { } added)
                {
                    throw new InputException(added);
                }

                var old = $"{full}.{OldKind}-{token}";
                File.WriteAllText(Path.Combine(full, OwnedFolder.StagingFile), token);
                Directory.Move(full, old);
                FaultPoint.Reach(FaultPoint.OutputSwap);
                Directory.Move(staging, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, full);
            }

            File.Delete(Path.Combine(full, OwnedFolder.StagingFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(
                new SettingProblem(Setting.Out, outDir, $"the outputs could not be written ({e.Message}); free space or name a folder you can write to."), e);
        }
        finally
        {
            if (created && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Removes the staging and moved-aside folders (<c>&lt;out&gt;.staging-&lt;pid&gt;-…</c>, <c>&lt;out&gt;.old-&lt;pid&gt;-…</c>) that a
    /// run killed while writing <paramref name="full"/> left beside it, and only those: a staging folder must hold its
    /// own token (<see cref="OwnedFolder.StagingFile"/>), a moved-aside one must be a sealed output with nothing added;
    /// those of a live run, and any folder of the user's with a similar name, are kept.
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
                if (!rest.StartsWith(kind + "-", StringComparison.Ordinal))
                {
                    continue;
                }

                // A moved-aside output must also still be the sealed output it was, with nothing added since.
                var token = rest[(kind.Length + 1)..];
                if (AbandonedWrites.IsAbandoned(sibling, token) && (kind == StagingKind || OwnedFolder.Unproven(sibling, kind: null) is null))
                {
                    AbandonedWrites.Remove(sibling);
                }
            }
        }
    }
}
