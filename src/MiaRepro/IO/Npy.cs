using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace MiaRepro.IO;

/// <summary>
/// The NumPy <c>.npy</c> format: writes version 1.0 exactly as <c>numpy.save</c> does (C order, little-endian,
/// <c>|b1</c>, <c>|u1</c>, <c>&lt;f4</c>, <c>&lt;f8</c>, <c>&lt;i8</c>), and reads versions 1.0–3.0 of those dtypes.
/// </summary>
/// <remarks>
/// The header is the dict literal <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>, followed,
/// as NumPy ≥ 1.23 does, by spare spaces for growing the first axis to 21 digits, then spaces and a newline so
/// that magic + version + length + header is a multiple of 64 bytes.
/// </remarks>
public static partial class Npy
{
    private const int Alignment = 64;
    private const int GrowthAxisMaxDigits = 21;
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes <paramref name="array"/> to <paramref name="path"/> atomically (a temporary file in the same folder, then a rename).</summary>
    public static void Write(string path, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(array);
        AtomicFile.Write(path, stream => Write(stream, array));
    }

    /// <summary>Writes the header and data of <paramref name="array"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        stream.Write(Header(array));
        switch (array.Data)
        {
            case bool[] b:
                stream.Write(MemoryMarshal.AsBytes(b.AsSpan()));
                break;
            case float[] f:
                WriteLittleEndian(stream, f.AsSpan());
                break;
            case double[] d:
                WriteLittleEndian(stream, d.AsSpan());
                break;
            case long[] l:
                WriteLittleEndian(stream, l.AsSpan());
                break;
            case byte[] u:
                stream.Write(u);
                break;
            default:
                throw new ArgumentException($"Unsupported data type {array.Data.GetType().Name}.", nameof(array));
        }
    }

    /// <summary>The bytes NumPy writes before the data: magic, version 1.0, header length, padded header.</summary>
    public static byte[] Header(NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var shape = array.Shape.Count switch
        {
            0 => "()",
            1 => string.Create(CultureInfo.InvariantCulture, $"({array.Shape[0]},)"),
            _ => "(" + string.Join(", ", array.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")",
        };
        var text = new StringBuilder()
            .Append("{'descr': '").Append(Descr(array.DType)).Append("', 'fortran_order': False, 'shape': ")
            .Append(shape).Append(", }");
        if (array.Shape.Count > 0)
        {
            text.Append(' ', GrowthAxisMaxDigits - array.Shape[0].ToString(CultureInfo.InvariantCulture).Length);
        }

        var withNewline = text.Length + 1;
        var padding = Alignment - ((Magic.Length + 2 + 2 + withNewline) % Alignment);
        text.Append(' ', padding).Append('\n');
        var header = Encoding.ASCII.GetBytes(text.ToString());
        if (header.Length > ushort.MaxValue)
        {
            throw new ArgumentException("The array has too many dimensions for a version 1.0 header.", nameof(array));
        }

        var bytes = new byte[Magic.Length + 4 + header.Length];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        header.CopyTo(bytes, 10);
        return bytes;
    }

    /// <summary>Reads a <c>.npy</c> file.</summary>
    /// <exception cref="InputException">The file is missing, or not a .npy file MiaRepro can read; the message names it.</exception>
    public static NpyArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot open '{path}': {e.Message}", e);
        }

        using (stream)
        {
            var array = Read(stream, path);
            if (stream.Position != stream.Length)
            {
                throw new InputException(
                    $"'{path}' has {stream.Length - stream.Position} bytes after the data its header describes; rewrite it with numpy.save.");
            }

            return array;
        }
    }

    /// <summary>Reads one array from <paramref name="stream"/>; <paramref name="name"/> names it in error messages.</summary>
    /// <exception cref="InputException">Not a .npy array MiaRepro can read.</exception>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return ReadUnchecked(stream, name);
        }
        catch (EndOfStreamException e)
        {
            throw new InputException($"'{name}' is truncated: it ends before the data its header describes; rewrite it with numpy.save.", e);
        }
    }

    private static NpyArray ReadUnchecked(Stream stream, string name)
    {
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        if (!prefix[..6].SequenceEqual(Magic))
        {
            throw new InputException($"'{name}' is not a NumPy .npy file (bad magic); write it with numpy.save.");
        }

        var major = prefix[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> length = stackalloc byte[2];
            stream.ReadExactly(length);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(length);
        }
        else if (major is 2 or 3)
        {
            Span<byte> length = stackalloc byte[4];
            stream.ReadExactly(length);
            var value = BinaryPrimitives.ReadUInt32LittleEndian(length);
            headerLength = value <= 1 << 24 ? (int)value : throw new InputException($"'{name}' has an implausible header length {value}.");
        }
        else
        {
            throw new InputException($"'{name}' uses .npy format version {major}.{prefix[7]}; MiaRepro reads versions 1.0–3.0, write it with numpy.save.");
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (dType, shape) = ParseHeader(header, name);
        // The product of the dimensions, stopped as soon as it passes what one array can hold (no overflow).
        long count = 1;
        foreach (var dimension in shape)
        {
            count *= dimension;
            if (count > Array.MaxLength)
            {
                throw new InputException(
                    $"'{name}' has shape ({string.Join(", ", shape)}): more elements than one array can hold ({Array.MaxLength}); split it into smaller arrays.");
            }
        }

        Array data = dType switch
        {
            NpyDType.Bool => ReadBools(stream, (int)count),
            NpyDType.UInt8 => ReadBytes(stream, (int)count),
            NpyDType.Float32 => ReadLittleEndian<float>(stream, (int)count),
            NpyDType.Float64 => ReadLittleEndian<double>(stream, (int)count),
            _ => ReadLittleEndian<long>(stream, (int)count),
        };
        return new NpyArray(shape, dType, data);
    }

    private static (NpyDType DType, int[] Shape) ParseHeader(string header, string name)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!header.TrimStart().StartsWith('{') || !descr.Success || !fortran.Success || !shape.Success)
        {
            throw new InputException($"'{name}' has an unreadable .npy header \"{header.Trim()}\"; write it with numpy.save.");
        }

        if (fortran.Groups[1].Value == "True")
        {
            throw new InputException($"'{name}' is in Fortran order; save a C-ordered array (numpy.ascontiguousarray) instead.");
        }

        var dType = descr.Groups[1].Value switch
        {
            "|b1" or "<b1" => NpyDType.Bool,
            "<f4" => NpyDType.Float32,
            "<f8" => NpyDType.Float64,
            "<i8" => NpyDType.Int64,
            "|u1" or "<u1" => NpyDType.UInt8,
            var other when other.StartsWith('>') =>
                throw new InputException($"'{name}' is big-endian ('{other}'); save it little-endian (array.astype('<{other[1..]}')) instead."),
            var other =>
                throw new InputException($"'{name}' has dtype '{other}'; MiaRepro reads bool, uint8, float32, float64 and int64 (convert with astype)."),
        };

        var dimensions = new List<int>();
        foreach (var part in shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.TrimEnd('L');
            if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var dimension))
            {
                throw new InputException($"'{name}' has an unreadable shape ({shape.Groups[1].Value}).");
            }

            dimensions.Add(dimension);
        }

        return (dType, [.. dimensions]);
    }

    private static string Descr(NpyDType dType) => dType switch
    {
        NpyDType.Bool => "|b1",
        NpyDType.Float32 => "<f4",
        NpyDType.Float64 => "<f8",
        NpyDType.Int64 => "<i8",
        NpyDType.UInt8 => "|u1",
        _ => throw new ArgumentOutOfRangeException(nameof(dType), dType, "Unknown dtype."),
    };

    private static byte[] ReadBytes(Stream stream, int count)
    {
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static bool[] ReadBools(Stream stream, int count)
    {
        var bytes = ReadBytes(stream, count);
        var values = new bool[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = bytes[i] != 0;
        }

        return values;
    }

    /// <summary>
    /// Elements read or written at a time: a span of bytes holds at most int.MaxValue of them, and an array of 8-byte
    /// values can be 8 times longer (a paper-scale logits.npy is ≈ 2.9 GB), so the data moves in chunks.
    /// </summary>
    private const int ChunkElements = 1 << 20;

    private static T[] ReadLittleEndian<T>(Stream stream, int count)
        where T : unmanaged
    {
        var values = new T[count];
        for (var start = 0; start < count; start += ChunkElements)
        {
            var chunk = MemoryMarshal.AsBytes(values.AsSpan(start, Math.Min(ChunkElements, count - start)));
            stream.ReadExactly(chunk);
            if (!BitConverter.IsLittleEndian)
            {
                ReverseEndianness(chunk, Marshal.SizeOf<T>());
            }
        }

        return values;
    }

    private static void WriteLittleEndian<T>(Stream stream, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        for (var start = 0; start < values.Length; start += ChunkElements)
        {
            var chunk = MemoryMarshal.AsBytes(values.Slice(start, Math.Min(ChunkElements, values.Length - start)));
            if (BitConverter.IsLittleEndian)
            {
                stream.Write(chunk);
                continue;
            }

            var copy = chunk.ToArray();
            ReverseEndianness(copy, Marshal.SizeOf<T>());
            stream.Write(copy);
        }
    }

    private static void ReverseEndianness(Span<byte> bytes, int size)
    {
        for (var i = 0; i < bytes.Length; i += size)
        {
            bytes.Slice(i, size).Reverse();
        }
    }

    [GeneratedRegex("""['"]descr['"]\s*:\s*['"]([^'"]*)['"]""")]
    private static partial Regex DescrPattern();

    [GeneratedRegex("""['"]fortran_order['"]\s*:\s*(True|False)""")]
    private static partial Regex FortranPattern();

    [GeneratedRegex("""['"]shape['"]\s*:\s*\(([^)]*)\)""")]
    private static partial Regex ShapePattern();
}
