using System.Text;

namespace MiaRepro.Tests.Build;

/// <summary>
/// Writes the smallest ELF64 little-endian file that has what the patcher reads: an ELF header, a .dynstr,
/// a .gnu.version_r (SHT_GNU_verneed) and a .gnu.version_d (SHT_GNU_verdef), a .shstrtab and the section
/// header table. The Vernaux entries are laid out after all the Verneed entries, so a reader that assumes
/// they follow their Verneed directly reads the wrong bytes.
/// </summary>
public sealed class TinyElfBuilder
{
    private const uint ShtStrtab = 3;
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    private readonly List<(string File, (string Version, ushort Flags)[] Versions)> _needs = [];
    private readonly List<string> _definitions = [];
    private string _soname = "libtiny.so";

    public TinyElfBuilder Soname(string soname)
    {
        _soname = soname;
        return this;
    }

    /// <summary>A Verneed entry for <paramref name="file"/> with one Vernaux entry per version.</summary>
    public TinyElfBuilder Need(string file, params (string Version, ushort Flags)[] versions)
    {
        _needs.Add((file, versions));
        return this;
    }

    /// <summary>Verdef entries (after the base entry, which names the soname) for each version.</summary>
    public TinyElfBuilder Define(params string[] versions)
    {
        _definitions.AddRange(versions);
        return this;
    }

    public TinyElf Build()
    {
        var dynstr = new StringTable();
        var flagPositions = new Dictionary<string, int>();
        var verneed = _needs.Count == 0 ? [] : BuildVerneed(dynstr, flagPositions);
        var verdef = _definitions.Count == 0 ? [] : BuildVerdef(dynstr);

        var shstrtab = new StringTable();
        var dynstrName = shstrtab.Add(".dynstr");
        var verneedName = shstrtab.Add(".gnu.version_r");
        var verdefName = shstrtab.Add(".gnu.version_d");
        var shstrtabName = shstrtab.Add(".shstrtab");

        var image = new List<byte>(new byte[64]);
        var dynstrOffset = Append(image, dynstr.Bytes);
        var verneedOffset = Append(image, verneed);
        var verdefOffset = Append(image, verdef);
        var shstrtabOffset = Append(image, shstrtab.Bytes);

        const int dynstrIndex = 1;
        var headers = new List<byte[]>
        {
            new byte[64],
            SectionHeader(dynstrName, ShtStrtab, dynstrOffset, dynstr.Bytes.Length, link: 0, info: 0),
        };
        if (verneed.Length > 0)
        {
            headers.Add(SectionHeader(verneedName, ShtGnuVerneed, verneedOffset, verneed.Length, dynstrIndex, (uint)_needs.Count));
        }

        if (verdef.Length > 0)
        {
            headers.Add(SectionHeader(verdefName, ShtGnuVerdef, verdefOffset, verdef.Length, dynstrIndex, (uint)_definitions.Count + 1));
        }

        headers.Add(SectionHeader(shstrtabName, ShtStrtab, shstrtabOffset, shstrtab.Bytes.Length, link: 0, info: 0));

        var tableOffset = Append(image, [.. headers.SelectMany(header => header)]);
        var bytes = image.ToArray();
        WriteElfHeader(bytes, tableOffset, headers.Count, headers.Count - 1);

        var offsets = flagPositions.ToDictionary(pair => pair.Key, pair => pair.Value + verneedOffset);
        return new TinyElf(bytes, offsets);
    }

    private byte[] BuildVerneed(StringTable dynstr, Dictionary<string, int> flagPositions)
    {
        var auxStart = _needs.Count * 16;
        var data = new byte[auxStart + (_needs.Sum(need => need.Versions.Length) * 16)];
        var aux = auxStart;
        for (var index = 0; index < _needs.Count; index++)
        {
            var (file, versions) = _needs[index];
            var entry = index * 16;
            Write16(data, entry, 1);
            Write16(data, entry + 2, (ushort)versions.Length);
            Write32(data, entry + 4, dynstr.Add(file));
            Write32(data, entry + 8, (uint)(aux - entry));
            Write32(data, entry + 12, index == _needs.Count - 1 ? 0u : 16u);
            for (var v = 0; v < versions.Length; v++)
            {
                var (version, flags) = versions[v];
                Write32(data, aux, ElfHash(version));
                Write16(data, aux + 4, flags);
                Write16(data, aux + 6, (ushort)(100 + flagPositions.Count));
                Write32(data, aux + 8, dynstr.Add(version));
                Write32(data, aux + 12, v == versions.Length - 1 ? 0u : 16u);
                flagPositions[file + "/" + version] = aux + 4;
                aux += 16;
            }
        }

        return data;
    }

    private byte[] BuildVerdef(StringTable dynstr)
    {
        // Entry i: Verdef (20 bytes), its own Verdaux (8), and for i > 1 a parent Verdaux naming entry i-1.
        var names = new List<string> { _soname };
        names.AddRange(_definitions);
        var data = new List<byte>();
        for (var index = 0; index < names.Count; index++)
        {
            var hasParent = index > 1;
            var entry = new byte[20 + 8 + (hasParent ? 8 : 0)];
            Write16(entry, 0, 1);
            Write16(entry, 2, index == 0 ? (ushort)1 : (ushort)0);
            Write16(entry, 4, (ushort)(index + 1));
            Write16(entry, 6, hasParent ? (ushort)2 : (ushort)1);
            Write32(entry, 8, ElfHash(names[index]));
            Write32(entry, 12, 20);
            Write32(entry, 16, index == names.Count - 1 ? 0u : (uint)entry.Length);
            Write32(entry, 20, dynstr.Add(names[index]));
            Write32(entry, 24, hasParent ? 8u : 0u);
            if (hasParent)
            {
                Write32(entry, 28, dynstr.Add(names[index - 1]));
            }

            data.AddRange(entry);
        }

        return [.. data];
    }

    private static void WriteElfHeader(byte[] bytes, int tableOffset, int sectionCount, int shstrndx)
    {
        bytes[0] = 0x7f;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = 2; // ELFCLASS64
        bytes[5] = 1; // ELFDATA2LSB
        bytes[6] = 1; // EV_CURRENT
        Write16(bytes, 0x10, 3); // ET_DYN
        Write16(bytes, 0x12, 62); // EM_X86_64
        Write32(bytes, 0x14, 1);
        Write64(bytes, 0x28, (ulong)tableOffset);
        Write16(bytes, 0x34, 64); // e_ehsize
        Write16(bytes, 0x3A, 64); // e_shentsize
        Write16(bytes, 0x3C, (ushort)sectionCount);
        Write16(bytes, 0x3E, (ushort)shstrndx);
    }

    private static byte[] SectionHeader(uint name, uint type, int offset, int size, int link, uint info)
    {
        var header = new byte[64];
        Write32(header, 0, name);
        Write32(header, 4, type);
        Write64(header, 8, 2); // SHF_ALLOC
        Write64(header, 24, (ulong)offset);
        Write64(header, 32, (ulong)size);
        Write32(header, 40, (uint)link);
        Write32(header, 44, info);
        Write64(header, 48, type == ShtStrtab ? 1u : 8u);
        return header;
    }

    private static int Append(List<byte> image, byte[] section)
    {
        while (image.Count % 8 != 0)
        {
            image.Add(0);
        }

        var offset = image.Count;
        image.AddRange(section);
        return offset;
    }

    private static uint ElfHash(string name)
    {
        uint hash = 0;
        foreach (var c in Encoding.ASCII.GetBytes(name))
        {
            hash = (hash << 4) + c;
            var high = hash & 0xf0000000;
            if (high != 0)
            {
                hash ^= high >> 24;
            }

            hash &= ~high;
        }

        return hash;
    }

    private static void Write16(byte[] data, int offset, ushort value)
    {
        data[offset] = (byte)value;
        data[offset + 1] = (byte)(value >> 8);
    }

    private static void Write32(byte[] data, int offset, uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            data[offset + i] = (byte)(value >> (8 * i));
        }
    }

    private static void Write64(byte[] data, int offset, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            data[offset + i] = (byte)(value >> (8 * i));
        }
    }

    private sealed class StringTable
    {
        private readonly List<byte> _bytes = [0];
        private readonly Dictionary<string, uint> _indices = [];

        public byte[] Bytes => [.. _bytes];

        public uint Add(string value)
        {
            if (!_indices.TryGetValue(value, out var index))
            {
                index = (uint)_bytes.Count;
                _bytes.AddRange(Encoding.ASCII.GetBytes(value));
                _bytes.Add(0);
                _indices[value] = index;
            }

            return index;
        }
    }
}
