using System.Buffers.Binary;

namespace MiaRepro.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST: <c>{split}-images-idx3-ubyte</c> (magic 0x00000803, unsigned
/// bytes, dimensions [count, rows, columns]) and <c>{split}-labels-idx1-ubyte</c> (magic 0x00000801, [count]),
/// each gzip-compressed or raw. Every defect is an <see cref="InputException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an IDX file of unsigned bytes with three dimensions (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned bytes with one dimension (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Number of classes of MNIST and Fashion-MNIST: labels are 0..9.</summary>
    public const int Classes = 10;

    private const byte UnsignedByteType = 0x08;

    private const string GenericRemedy =
        "Replace it with an intact copy, or name a data folder (or set MIAREPRO_DATA) holding intact IDX files.";

    /// <summary>The file name (without <c>.gz</c>) of a split's images, e.g. <c>train-images-idx3-ubyte</c>.</summary>
    public static string ImagesFileName(string split) => $"{split}-images-idx3-ubyte";

    /// <summary>The file name (without <c>.gz</c>) of a split's labels, e.g. <c>t10k-labels-idx1-ubyte</c>.</summary>
    public static string LabelsFileName(string split) => $"{split}-labels-idx1-ubyte";

    /// <summary>
    /// Finds a file of the given base name in <paramref name="directory"/>: <c>name.gz</c> first, then the raw
    /// <c>name</c>; null when neither exists.
    /// </summary>
    public static string? FindFile(string directory, string baseName)
    {
        var gzipped = Path.Combine(directory, baseName + ".gz");
        if (File.Exists(gzipped))
        {
            return gzipped;
        }

        var raw = Path.Combine(directory, baseName);
        return File.Exists(raw) ? raw : null;
    }

    /// <summary>
    /// Reads the <c>train</c> and <c>t10k</c> splits from <paramref name="directory"/>, or from its subfolder named
    /// <paramref name="name"/> when the folder itself holds no training images.
    /// </summary>
    public static Dataset ReadDataset(string name, string directory) => ReadDataset(name, directory, GenericRemedy);

    /// <summary>Reads one split (<c>train</c> or <c>t10k</c>) from a folder holding its two IDX files.</summary>
    public static ImageSet ReadSplit(string directory, string split) => ReadSplit(directory, split, GenericRemedy);

    /// <summary>Reads a pair of IDX files (images and labels, gzip or raw) into one image set.</summary>
    public static ImageSet Read(string imagesPath, string labelsPath) => Read(imagesPath, labelsPath, GenericRemedy);

    internal static Dataset ReadDataset(string name, string directory, string remedy)
    {
        var subfolder = Path.Combine(directory, name);
        var folder = FindFile(directory, ImagesFileName("train")) is null && Directory.Exists(subfolder) ? subfolder : directory;
        return new Dataset(name, ReadSplit(folder, "train", remedy), ReadSplit(folder, "t10k", remedy), folder);
    }

    internal static ImageSet ReadSplit(string directory, string split, string remedy)
    {
        var images = FindRequired(directory, ImagesFileName(split), remedy);
        var labels = FindRequired(directory, LabelsFileName(split), remedy);
        return Read(images, labels, remedy);
    }

    internal static ImageSet Read(string imagesPath, string labelsPath, string remedy)
    {
        var (pixels, count, rows, columns) = ReadImages(imagesPath, remedy);
        var labels = ReadLabels(labelsPath, remedy, announced =>
            new InputException(
                $"{imagesPath} holds {count} images but {labelsPath} announces {announced} labels; " +
                $"the two files must belong to the same split. {remedy}"),
            count);
        return new ImageSet(pixels, labels, Channels: 1, Height: rows, Width: columns, Classes);
    }

    private static string FindRequired(string directory, string baseName, string remedy) =>
        FindFile(directory, baseName)
        ?? throw new InputException(
            $"{Path.Combine(directory, baseName)}.gz (or the uncompressed {baseName}) does not exist. {remedy}");

    private static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(string path, string remedy)
    {
        using var file = DataFile.Open(path, remedy);
        var dims = ReadHeader(file, expectedDimensions: 3, kind: "images", remedy);
        int count = dims[0], rows = dims[1], columns = dims[2];
        if (rows == 0 || columns == 0)
        {
            throw new InputException($"{path} announces images of {rows}×{columns} pixels, which is empty. {remedy}");
        }

        var headerLength = 4 + (4 * 3);
        var size = (long)count * rows * columns;
        if (size > Array.MaxLength)
        {
            throw new InputException(
                $"{path} announces {count} images of {rows}×{columns} pixels ({size} bytes), more than one array can hold. {remedy}");
        }

        var pixels = new byte[size];
        ReadPayload(file, pixels, headerLength, $"{count} images of {rows}×{columns} pixels", remedy);
        return (pixels, count, rows, columns);
    }

    /// <summary>The labels, checked against the images' count before anything is allocated (a header may announce 2³¹ labels).</summary>
    private static long[] ReadLabels(string path, string remedy, Func<int, InputException> mismatch, int expected)
    {
        using var file = DataFile.Open(path, remedy);
        var count = ReadHeader(file, expectedDimensions: 1, kind: "labels", remedy)[0];
        if (count != expected)
        {
            throw mismatch(count);
        }

        var bytes = new byte[count];
        ReadPayload(file, bytes, headerLength: 4 + 4, $"{count} labels", remedy);

        var labels = new long[count];
        for (var i = 0; i < bytes.Length; i++)
        {
            var label = bytes[i];
            if (label >= Classes)
            {
                throw new InputException(
                    $"{path} has label {label} at index {i}, outside 0..{Classes - 1}; it is corrupt or not a " +
                    $"{Classes}-class labels file. {remedy}");
            }

            labels[i] = label;
        }

        return labels;
    }

    private static int[] ReadHeader(DataFile file, int expectedDimensions, string kind, string remedy)
    {
        Span<byte> magic = stackalloc byte[4];
        if (file.ReadUpTo(magic) < magic.Length)
        {
            throw new InputException($"{file.Path} is too short to be an IDX file (less than 4 bytes). {remedy}");
        }

        var expectedMagic = expectedDimensions == 3 ? ImagesMagic : LabelsMagic;
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new InputException(
                $"{file.Path} does not start with an IDX magic number (found 0x{BinaryPrimitives.ReadUInt32BigEndian(magic):X8}, " +
                $"expected 0x{expectedMagic:X8} for an {kind} file). {remedy}");
        }

        if (magic[2] != UnsignedByteType)
        {
            throw new InputException(
                $"{file.Path} holds IDX data of type 0x{magic[2]:X2}, expected unsigned bytes (0x08; magic 0x{expectedMagic:X8}). {remedy}");
        }

        if (magic[3] != expectedDimensions)
        {
            var swapped = expectedDimensions == 3 && magic[3] == 1 ? " It looks like a labels file." :
                expectedDimensions == 1 && magic[3] == 3 ? " It looks like an images file." : string.Empty;
            throw new InputException(
                $"{file.Path} has {magic[3]} dimensions, expected {expectedDimensions} for an {kind} file " +
                $"(magic 0x{expectedMagic:X8}).{swapped} {remedy}");
        }

        Span<byte> header = stackalloc byte[4 * expectedDimensions];
        if (file.ReadUpTo(header) < header.Length)
        {
            throw new InputException($"{file.Path} is truncated inside its IDX header. {remedy}");
        }

        var dims = new int[expectedDimensions];
        for (var d = 0; d < expectedDimensions; d++)
        {
            var value = BinaryPrimitives.ReadUInt32BigEndian(header[(4 * d)..]);
            if (value > int.MaxValue)
            {
                throw new InputException($"{file.Path} announces dimension {d} of size {value}, which is not plausible. {remedy}");
            }

            dims[d] = (int)value;
        }

        if (dims[0] == 0)
        {
            throw new InputException($"{file.Path} holds no {kind} (its count is 0). {remedy}");
        }

        return dims;
    }

    private static void ReadPayload(DataFile file, byte[] payload, int headerLength, string announced, string remedy)
    {
        var read = file.ReadUpTo(payload);
        var unit = file.IsCompressed ? " uncompressed" : string.Empty;
        if (read < payload.Length)
        {
            throw new InputException(
                $"{file.Path} is truncated: its header announces {announced} ({headerLength + payload.LongLength}{unit} bytes) " +
                $"but it holds only {headerLength + read}. {remedy}");
        }

        var extra = file.CountRemaining();
        if (extra > 0)
        {
            throw new InputException(
                $"{file.Path} has {extra} unexpected{unit} bytes after the {announced} its header announces; " +
                $"it is corrupt or not what its name says. {remedy}");
        }
    }
}
