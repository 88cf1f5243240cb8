// Weakens one symbol-version requirement of an ELF64 shared library, so that glibc's loader reports a
// missing version as a note instead of refusing to load the library.
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so asks libstdc++.so.6 for GLIBCXX_3.4.32 (GCC 13+), which
// Debian 12 / Ubuntu 22.04 / RHEL 9 lack. The only symbol bound to that version is a link-time marker with
// no relocation, so setting VER_FLG_WEAK on that one Vernaux entry is enough (see shared/ENVIRONMENT.md).
//
// This one file has three readers, which is why it holds more than one type:
//  - MSBuild compiles it as an inline task (RoslynCodeTaskFactory, Directory.Build.targets). That compile
//    sees only netstandard 2.0 and MSBuild's own assemblies: no records, no Span, no Unix file-mode API.
//  - tests/MiaRepro.Tests links it with MIAREPRO_ELF_PATCH_CORE_ONLY defined, which leaves out the MSBuild
//    task at the bottom, and runs it under the repository's analyzers.
//  - a person: the ELF layout is spelled out next to the code that reads it.
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MiaRepro.Build;

/// <summary>What <see cref="ElfVersionPatch.WeakenVersionRequirement"/> found and did.</summary>
internal enum PatchResult
{
    /// <summary>The requirement was strong; the weak flag is now set (the bytes changed).</summary>
    Patched,

    /// <summary>Every matching requirement already carried the weak flag; nothing changed.</summary>
    AlreadyWeak,

    /// <summary>The file does not require that version (or has no version requirements); nothing changed.</summary>
    NotRequired,
}

/// <summary>One Vernaux entry of <c>.gnu.version_r</c>: a version the library needs from a file.</summary>
internal sealed class VersionRequirement
{
    public VersionRequirement(string file, string version, ushort flags, int flagsOffset)
    {
        File = file;
        Version = version;
        Flags = flags;
        FlagsOffset = flagsOffset;
    }

    /// <summary>The needed file (vn_file), e.g. <c>libstdc++.so.6</c>.</summary>
    public string File { get; }

    /// <summary>The version name (vna_name), e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    public string Version { get; }

    /// <summary>vna_flags.</summary>
    public ushort Flags { get; }

    /// <summary>Offset of the 16-bit vna_flags field in the file.</summary>
    public int FlagsOffset { get; }

    public bool IsWeak => (Flags & ElfVersionPatch.WeakFlag) != 0;
}

/// <summary>
/// Reads and edits the symbol-versioning sections of ELF64 little-endian files held in memory.
/// Malformed input (not ELF, wrong class or byte order, truncated, offsets out of range) raises
/// <see cref="InvalidDataException"/> with a message that says what is wrong.
/// </summary>
internal static class ElfVersionPatch
{
    /// <summary>VER_FLG_WEAK.</summary>
    public const ushort WeakFlag = 0x2;

    private const uint ShtNobits = 8;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    // Elf64_Ehdr: e_ident[16], then e_shoff at 0x28, e_shentsize at 0x3A, e_shnum at 0x3C, e_shstrndx at 0x3E.
    private const int ElfHeaderSize = 64;
    private const int SectionHeaderSize = 64;

    // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;

    // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
    // Elf64_Verdaux: vda_name u32, vda_next u32.
    private const int VerdefSize = 20;
    private const int VerdauxSize = 8;

    /// <summary>Every version requirement in <c>.gnu.version_r</c>, in file order.</summary>
    public static IReadOnlyList<VersionRequirement> ReadRequirements(byte[] elf)
    {
        var requirements = new List<VersionRequirement>();
        var sections = ReadSections(elf);
        foreach (var section in sections)
        {
            if (section.Type == ShtGnuVerneed)
            {
                ReadVerneed(elf, section, StringTable(sections, section), requirements);
            }
        }

        return requirements;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on every requirement of <paramref name="versionName"/> (only those needed from
    /// <paramref name="neededFile"/> when given). Only the flags fields change; the array keeps its length.
    /// </summary>
    public static PatchResult WeakenVersionRequirement(byte[] elf, string versionName, string? neededFile = null)
    {
        if (string.IsNullOrEmpty(versionName))
        {
            throw new ArgumentException("A version name is required.", nameof(versionName));
        }

        var matches = new List<VersionRequirement>();
        foreach (var requirement in ReadRequirements(elf))
        {
            if (requirement.Version == versionName && (neededFile is null || requirement.File == neededFile))
            {
                matches.Add(requirement);
            }
        }

        if (matches.Count == 0)
        {
            return PatchResult.NotRequired;
        }

        var result = PatchResult.AlreadyWeak;
        foreach (var match in matches)
        {
            if (!match.IsWeak)
            {
                WriteUInt16(elf, match.FlagsOffset, (ushort)(match.Flags | WeakFlag));
                result = PatchResult.Patched;
            }
        }

        return result;
    }

    /// <summary>Every version name defined in <c>.gnu.version_d</c> (the first Verdaux of each Verdef).</summary>
    public static IReadOnlyList<string> ReadDefinitions(byte[] elf)
    {
        var definitions = new List<string>();
        var sections = ReadSections(elf);
        foreach (var section in sections)
        {
            if (section.Type == ShtGnuVerdef)
            {
                ReadVerdef(elf, section, StringTable(sections, section), definitions);
            }
        }

        return definitions;
    }

    /// <summary>Whether the library (e.g. the host's libstdc++.so.6) defines <paramref name="versionName"/>.</summary>
    public static bool DefinesVersion(byte[] elf, string versionName)
    {
        foreach (var definition in ReadDefinitions(elf))
        {
            if (definition == versionName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Weakens the requirement in a file. When the bytes change, the patched copy is written to a temporary
    /// file in the same folder (a copy of the original, so it keeps its mode bits), given the original's
    /// modification time, and renamed over the original: the original inode is never written, so a hard link
    /// into the NuGet cache stays intact, and MSBuild's size-and-time check does not copy the file again.
    /// When nothing changes, nothing is written.
    /// </summary>
    public static PatchResult WeakenVersionRequirementInFile(string path, string versionName, string? neededFile = null)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A file path is required.", nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Cannot patch '{path}': the file does not exist.", path);
        }

        var bytes = File.ReadAllBytes(path);
        PatchResult result;
        try
        {
            result = WeakenVersionRequirement(bytes, versionName, neededFile);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"Cannot patch '{path}': {error.Message}", error);
        }

        if (result != PatchResult.Patched)
        {
            return result;
        }

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var modified = File.GetLastWriteTimeUtc(fullPath);
            File.Copy(fullPath, temporary);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
            }

            File.SetLastWriteTimeUtc(temporary, modified);
            File.Replace(temporary, fullPath, null);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return result;
    }

    private static void ReadVerneed(byte[] elf, Section section, Section strings, List<VersionRequirement> into)
    {
        // Follow vn_next until it is 0 (as glibc does); every step moves forward, so the walk ends.
        var end = section.Offset + section.Size;
        var entry = section.Offset;
        while (true)
        {
            Require(entry, VerneedSize, end, "a Verneed entry of .gnu.version_r");
            var auxCount = ReadUInt16(elf, entry + 2);
            var file = ReadString(elf, strings, ReadUInt32(elf, entry + 4));
            var aux = Advance(entry, ReadUInt32(elf, entry + 8), end, "vn_aux");
            for (var auxIndex = 0; auxIndex < auxCount; auxIndex++)
            {
                Require(aux, VernauxSize, end, "a Vernaux entry of .gnu.version_r");
                var version = ReadString(elf, strings, ReadUInt32(elf, aux + 8));
                into.Add(new VersionRequirement(file, version, ReadUInt16(elf, aux + 4), checked((int)(aux + 4))));
                var nextAux = ReadUInt32(elf, aux + 12);
                if (nextAux == 0)
                {
                    break;
                }

                aux = Advance(aux, nextAux, end, "vna_next");
            }

            var next = ReadUInt32(elf, entry + 12);
            if (next == 0)
            {
                break;
            }

            entry = Advance(entry, next, end, "vn_next");
        }
    }

    private static void ReadVerdef(byte[] elf, Section section, Section strings, List<string> into)
    {
        var end = section.Offset + section.Size;
        var entry = section.Offset;
        while (true)
        {
            Require(entry, VerdefSize, end, "a Verdef entry of .gnu.version_d");
            if (ReadUInt16(elf, entry + 6) > 0)
            {
                var aux = Advance(entry, ReadUInt32(elf, entry + 12), end, "vd_aux");
                Require(aux, VerdauxSize, end, "a Verdaux entry of .gnu.version_d");
                into.Add(ReadString(elf, strings, ReadUInt32(elf, aux)));
            }

            var next = ReadUInt32(elf, entry + 16);
            if (next == 0)
            {
                break;
            }

            entry = Advance(entry, next, end, "vd_next");
        }
    }

    private static List<Section> ReadSections(byte[] elf)
    {
        if (elf.Length < 4 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file (the first four bytes are not 0x7F 'E' 'L' 'F').");
        }

        if (elf.Length < ElfHeaderSize)
        {
            throw new InvalidDataException($"truncated ELF file: {elf.Length} bytes, shorter than the 64-byte ELF64 header.");
        }

        if (elf[4] != 2)
        {
            throw new InvalidDataException($"unsupported ELF class {elf[4]}: only ELF64 (class 2) is supported.");
        }

        if (elf[5] != 1)
        {
            throw new InvalidDataException($"unsupported ELF data encoding {elf[5]}: only little-endian (1) is supported.");
        }

        var tableOffset = ReadUInt64(elf, 0x28);
        var entrySize = ReadUInt16(elf, 0x3A);
        long count = ReadUInt16(elf, 0x3C);
        if (tableOffset == 0)
        {
            return new List<Section>();
        }

        if (entrySize != SectionHeaderSize)
        {
            throw new InvalidDataException($"unexpected section header size {entrySize} (ELF64 uses 64).");
        }

        if (tableOffset > (ulong)elf.Length || (ulong)elf.Length - tableOffset < SectionHeaderSize)
        {
            throw new InvalidDataException($"truncated ELF file: the section header table at offset {tableOffset} lies past the end ({elf.Length} bytes).");
        }

        // Extended numbering: with 0xff00 or more sections, e_shnum is 0 and section 0's sh_size holds the count.
        var start = (long)tableOffset;
        if (count == 0)
        {
            count = checked((long)ReadUInt64(elf, start + 32));
        }

        if (count > (elf.Length - start) / SectionHeaderSize)
        {
            throw new InvalidDataException($"truncated ELF file: {count} section headers at offset {start} do not fit in {elf.Length} bytes.");
        }

        var sections = new List<Section>((int)count);
        for (var index = 0; index < count; index++)
        {
            var header = start + (index * SectionHeaderSize);
            var type = ReadUInt32(elf, header + 4);
            var offset = ReadUInt64(elf, header + 24);
            var size = ReadUInt64(elf, header + 32);
            var hasContents = type != ShtNobits;
            if (hasContents && (offset > (ulong)elf.Length || size > (ulong)elf.Length - offset))
            {
                throw new InvalidDataException($"truncated ELF file: section {index} (offset {offset}, size {size}) lies past the end ({elf.Length} bytes).");
            }

            sections.Add(new Section(
                type,
                hasContents ? (long)offset : 0,
                hasContents ? (long)size : 0,
                ReadUInt32(elf, header + 40)));
        }

        return sections;
    }

    private static Section StringTable(List<Section> sections, Section owner)
    {
        if (owner.Link == 0 || owner.Link >= sections.Count)
        {
            throw new InvalidDataException($"a version section links to string table {owner.Link}, which does not exist ({sections.Count} sections).");
        }

        var strings = sections[(int)owner.Link];
        if (strings.Type == ShtNobits)
        {
            throw new InvalidDataException($"the string table of a version section (section {owner.Link}) has no contents in the file.");
        }

        return strings;
    }

    private static string ReadString(byte[] elf, Section strings, uint index)
    {
        if (index >= strings.Size)
        {
            throw new InvalidDataException($"string index {index} lies past the end of its string table ({strings.Size} bytes).");
        }

        var start = (long)strings.Offset + index;
        var end = strings.Offset + strings.Size;
        var stop = start;
        while (stop < end && elf[stop] != 0)
        {
            stop++;
        }

        if (stop == end)
        {
            throw new InvalidDataException($"string at index {index} is not terminated inside its string table.");
        }

        return Encoding.UTF8.GetString(elf, (int)start, (int)(stop - start));
    }

    private static long Advance(long from, uint by, long end, string field)
    {
        var to = from + by;
        if (to >= end)
        {
            throw new InvalidDataException($"{field} offset {by} at file offset {from} points past the end of its section.");
        }

        return to;
    }

    private static void Require(long offset, int size, long sectionEnd, string what)
    {
        if (offset + size > sectionEnd)
        {
            throw new InvalidDataException($"truncated ELF file: {what} at offset {offset} runs past the end of its section.");
        }
    }

    private static ushort ReadUInt16(byte[] data, long offset) =>
        (ushort)(data[offset] | (data[offset + 1] << 8));

    private static uint ReadUInt32(byte[] data, long offset) =>
        data[offset] | ((uint)data[offset + 1] << 8) | ((uint)data[offset + 2] << 16) | ((uint)data[offset + 3] << 24);

    private static ulong ReadUInt64(byte[] data, long offset) =>
        ReadUInt32(data, offset) | ((ulong)ReadUInt32(data, offset + 4) << 32);

    private static void WriteUInt16(byte[] data, long offset, ushort value)
    {
        data[offset] = (byte)value;
        data[offset + 1] = (byte)(value >> 8);
    }

    private readonly struct Section
    {
        public Section(uint type, long offset, long size, uint link)
        {
            Type = type;
            Offset = offset;
            Size = size;
            Link = link;
        }

        public uint Type { get; }

        /// <summary>sh_offset; 0 for SHT_NOBITS. Checked to lie inside the file.</summary>
        public long Offset { get; }

        /// <summary>sh_size; 0 for SHT_NOBITS. Checked to lie inside the file.</summary>
        public long Size { get; }

        /// <summary>sh_link: for version sections, the index of their string table.</summary>
        public uint Link { get; }
    }
}

/// <summary>Finds the libstdc++.so.6 that programs on this machine load.</summary>
internal static class HostLibStdCxx
{
    public const string FileName = "libstdc++.so.6";

    private static readonly char[] PathSeparators = { ':' };

    /// <summary>Where distributions put libstdc++, most specific first (Debian/Ubuntu multiarch, then RHEL, then plain).</summary>
    public static readonly IReadOnlyList<string> StandardDirectories = new[]
    {
        "/usr/lib/x86_64-linux-gnu",
        "/lib/x86_64-linux-gnu",
        "/usr/lib64",
        "/lib64",
        "/usr/lib/aarch64-linux-gnu",
        "/lib/aarch64-linux-gnu",
        "/usr/local/lib64",
        "/usr/local/lib",
        "/usr/lib",
        "/lib",
    };

    /// <summary>
    /// The libstdc++ this process has loaded (read from /proc/self/maps: the dotnet host is C++, so MSBuild and
    /// the test host both carry the one TorchSharp will meet), else the first one in LD_LIBRARY_PATH or the
    /// standard directories; null when there is none.
    /// </summary>
    public static string? Locate()
    {
        var loaded = FromProcessMaps("/proc/self/maps");
        if (loaded is not null)
        {
            return loaded;
        }

        var directories = new List<string>();
        var libraryPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        if (!string.IsNullOrEmpty(libraryPath))
        {
            directories.AddRange(libraryPath!.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries));
        }

        directories.AddRange(StandardDirectories);
        return LocateIn(directories);
    }

    /// <summary>The first <c>libstdc++.so.6</c> found in <paramref name="directories"/>, or null.</summary>
    public static string? LocateIn(IEnumerable<string> directories)
    {
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of a mapped libstdc++.so.6 in a /proc/*/maps file, or null.</summary>
    public static string? FromProcessMaps(string mapsPath)
    {
        try
        {
            if (!File.Exists(mapsPath))
            {
                return null;
            }

            foreach (var line in File.ReadLines(mapsPath))
            {
                var slash = line.IndexOf('/');
                if (slash < 0)
                {
                    continue;
                }

                var path = line.Substring(slash).Trim();
                if (Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal) && File.Exists(path))
                {
                    return path;
                }
            }
        }
        catch (IOException)
        {
            // An unreadable maps file only means falling back to the directories.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }

        return null;
    }
}

#if !MIAREPRO_ELF_PATCH_CORE_ONLY

/// <summary>
/// MSBuild task: marks the GLIBCXX_3.4.32 requirement of each given libLibTorchSharp.so weak, unless the
/// host's libstdc++ defines that version (then the files are left alone). When no libstdc++ can be found
/// the files are patched anyway: a weak requirement that the loader can satisfy behaves exactly like a strong
/// one, and one it cannot satisfy turns a fatal load error into a note.
/// </summary>
public sealed class WeakenLibStdCxxRequirement : Microsoft.Build.Utilities.Task
{
    /// <summary>The libraries to patch.</summary>
    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

    public string VersionName { get; set; } = "GLIBCXX_3.4.32";

    public string NeededFile { get; set; } = HostLibStdCxx.FileName;

    /// <summary>The libstdc++ to ask; empty means the one this process loaded, else the first in the usual folders.</summary>
    public string HostLibrary { get; set; } = string.Empty;

    /// <summary>The files whose bytes changed in this run.</summary>
    [Microsoft.Build.Framework.Output]
    public Microsoft.Build.Framework.ITaskItem[] PatchedFiles { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

    public override bool Execute()
    {
        if (Files.Length == 0)
        {
            return true;
        }

        var host = string.IsNullOrEmpty(HostLibrary) ? HostLibStdCxx.Locate() : HostLibrary;
        if (host is not null && HostDefines(host))
        {
            Log.LogMessage(
                Microsoft.Build.Framework.MessageImportance.Low,
                "{0} defines {1}: leaving the {2} copies of the TorchSharp native library as they are.",
                host,
                VersionName,
                Files.Length);
            return true;
        }

        var patched = new List<Microsoft.Build.Framework.ITaskItem>();
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var result = ElfVersionPatch.WeakenVersionRequirementInFile(path, VersionName, NeededFile);
                if (result == PatchResult.Patched)
                {
                    patched.Add(item);
                    Log.LogMessage(
                        Microsoft.Build.Framework.MessageImportance.High,
                        "Marked the {0} requirement of {1} weak (host libstdc++: {2}).",
                        VersionName,
                        path,
                        host ?? "not found");
                }
                else
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0}: {1} ({2}).", path, result, VersionName);
                }
            }
            catch (Exception error) when (error is IOException || error is InvalidDataException || error is UnauthorizedAccessException)
            {
                Log.LogError("Cannot weaken the {0} requirement of {1}: {2}", VersionName, path, error.Message);
            }
        }

        PatchedFiles = patched.ToArray();
        return !Log.HasLoggedErrors;
    }

    private bool HostDefines(string host)
    {
        try
        {
            return ElfVersionPatch.DefinesVersion(File.ReadAllBytes(host), VersionName);
        }
        catch (Exception error) when (error is IOException || error is InvalidDataException || error is UnauthorizedAccessException)
        {
            Log.LogMessage(
                Microsoft.Build.Framework.MessageImportance.Normal,
                "Cannot read the version definitions of {0} ({1}); patching as if it lacked {2}.",
                host,
                error.Message,
                VersionName);
            return false;
        }
    }
}

#endif
