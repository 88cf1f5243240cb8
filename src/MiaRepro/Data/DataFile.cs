using System.IO.Compression;

namespace MiaRepro.Data;

/// <summary>
/// Opens a data file for one forward pass, gunzipping it when it starts with the gzip magic bytes
/// (1f 8b) whatever its name, and turns I/O and decompression failures into <see cref="InputException"/>s
/// that name the file.
/// </summary>
internal sealed class DataFile : IDisposable
{
    private const int FileBufferSize = 1 << 16;

    private readonly FileStream _file;
    private readonly Stream _stream;
    private readonly string _remedy;

    private DataFile(string path, FileStream file, Stream stream, bool compressed, string remedy)
    {
        Path = path;
        _file = file;
        _stream = stream;
        IsCompressed = compressed;
        _remedy = remedy;
    }

    public string Path { get; }

    public bool IsCompressed { get; }

    public static DataFile Open(string path, string remedy)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{path} does not exist. {remedy}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path} cannot be opened: {e.Message}. Check its permissions. {remedy}", e);
        }

        try
        {
            Span<byte> magic = stackalloc byte[2];
            var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            file.Position = 0;
            var compressed = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            Stream stream = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
            return new DataFile(path, file, stream, compressed, remedy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Dispose();
            throw new InputException($"{path} cannot be read: {e.Message}. {remedy}", e);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the data goes; returns how many bytes were read.</summary>
    public int ReadUpTo(Span<byte> buffer)
    {
        try
        {
            return _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(
                $"{Path} is a corrupt gzip file ({e.Message}). {_remedy}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path} cannot be read: {e.Message}. {_remedy}", e);
        }
    }

    /// <summary>Reads to the end and returns how many bytes were left.</summary>
    public long CountRemaining()
    {
        var scratch = new byte[FileBufferSize];
        long total = 0;
        int read;
        while ((read = ReadUpTo(scratch)) > 0)
        {
            total += read;
        }

        return total;
    }

    public void Dispose()
    {
        if (!ReferenceEquals(_stream, _file))
        {
            _stream.Dispose();
        }

        _file.Dispose();
    }
}
