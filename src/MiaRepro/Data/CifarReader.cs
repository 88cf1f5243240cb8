namespace MiaRepro.Data;

/// <summary>
/// Reads the "binary version" of CIFAR-10 (<c>data_batch_1.bin</c>…<c>data_batch_5.bin</c>, <c>test_batch.bin</c>;
/// records of 1 label byte + 3072 pixel bytes) and CIFAR-100 (<c>train.bin</c>, <c>test.bin</c>; records of a coarse
/// and a fine label byte + 3072 pixel bytes). The pixels of a record are 1024 red, 1024 green and 1024 blue bytes,
/// each plane 32×32 row-major: exactly [channels, height, width]. CIFAR-100 keeps the fine label (100 classes).
/// </summary>
public static class CifarReader
{
    /// <summary>Channels, height and width of a CIFAR image.</summary>
    public const int Channels = 3, Height = 32, Width = 32;

    /// <summary>Pixel bytes per CIFAR record.</summary>
    public const int ImageBytes = Channels * Height * Width;

    /// <summary>The usual subfolder of CIFAR-10's binary archive.</summary>
    public const string Cifar10Subfolder = "cifar-10-batches-bin";

    /// <summary>The usual subfolder of CIFAR-100's binary archive.</summary>
    public const string Cifar100Subfolder = "cifar-100-binary";

    /// <summary>CIFAR-10's training files, in the order their records are concatenated.</summary>
    public static IReadOnlyList<string> Cifar10TrainFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>CIFAR-10's test file.</summary>
    public static IReadOnlyList<string> Cifar10TestFiles { get; } = ["test_batch.bin"];

    /// <summary>CIFAR-100's training file.</summary>
    public static IReadOnlyList<string> Cifar100TrainFiles { get; } = ["train.bin"];

    /// <summary>CIFAR-100's test file.</summary>
    public static IReadOnlyList<string> Cifar100TestFiles { get; } = ["test.bin"];

    private static readonly Layout _cifar10 = new(
        "cifar10", "CIFAR-10", Cifar10Subfolder, Cifar10TrainFiles, Cifar10TestFiles, LabelBytes: 1, Classes: 10,
        "cifar-10-binary.tar.gz");

    private static readonly Layout _cifar100 = new(
        "cifar100", "CIFAR-100", Cifar100Subfolder, Cifar100TrainFiles, Cifar100TestFiles, LabelBytes: 2, Classes: 100,
        "cifar-100-binary.tar.gz");

    /// <summary>Reads CIFAR-10 from <paramref name="directory"/> or its <c>cifar-10-batches-bin</c> subfolder.</summary>
    public static Dataset ReadCifar10(string directory) => Read(_cifar10, directory);

    /// <summary>Reads CIFAR-100 from <paramref name="directory"/> or its <c>cifar-100-binary</c> subfolder.</summary>
    public static Dataset ReadCifar100(string directory) => Read(_cifar100, directory);

    /// <summary>Reads and concatenates CIFAR-10 binary files.</summary>
    public static ImageSet ReadCifar10Files(IReadOnlyList<string> paths) => ReadFiles(_cifar10, paths);

    /// <summary>Reads and concatenates CIFAR-100 binary files (fine labels).</summary>
    public static ImageSet ReadCifar100Files(IReadOnlyList<string> paths) => ReadFiles(_cifar100, paths);

    /// <summary>How CIFAR-10 (or, when <paramref name="cifar100"/>, CIFAR-100) must lie on disk, for messages.</summary>
    internal static string LayoutHint(bool cifar100) => (cifar100 ? _cifar100 : _cifar10).Hint;

    private static Dataset Read(Layout layout, string directory)
    {
        var folder = ResolveFolder(layout, directory);
        var train = ReadFiles(layout, [.. layout.TrainFiles.Select(f => Path.Combine(folder, f))]);
        var test = ReadFiles(layout, [.. layout.TestFiles.Select(f => Path.Combine(folder, f))]);
        return new Dataset(layout.Name, train, test, folder);
    }

    private static string ResolveFolder(Layout layout, string directory)
    {
        var first = layout.TrainFiles[0];
        var subfolder = Path.Combine(directory, layout.Subfolder);
        var folder = !File.Exists(Path.Combine(directory, first)) && Directory.Exists(subfolder) ? subfolder : directory;
        var missing = layout.TrainFiles.Concat(layout.TestFiles)
            .Select(f => Path.Combine(folder, f))
            .Where(p => !File.Exists(p))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InputException($"{string.Join(", ", missing)} {(missing.Count == 1 ? "does" : "do")} not exist. {layout.Hint}");
        }

        return folder;
    }

    private static ImageSet ReadFiles(Layout layout, IReadOnlyList<string> paths)
    {
        var recordBytes = layout.LabelBytes + ImageBytes;
        var lengths = new long[paths.Count];
        long records = 0;
        for (var f = 0; f < paths.Count; f++)
        {
            lengths[f] = Length(paths[f], layout);
            if (lengths[f] == 0 || lengths[f] % recordBytes != 0)
            {
                throw new InputException(
                    $"{paths[f]} is {lengths[f]} bytes, not a whole number of {recordBytes}-byte {layout.DisplayName} records " +
                    $"({lengths[f] / recordBytes} records and {lengths[f] % recordBytes} bytes over): it is truncated, " +
                    $"empty or not the binary version. {layout.Hint}");
            }

            records += lengths[f] / recordBytes;
        }

        if (records * ImageBytes > Array.MaxLength)
        {
            throw new InputException($"{string.Join(", ", paths)} hold {records} images, more than one array can hold.");
        }

        var pixels = new byte[records * ImageBytes];
        var labels = new long[records];
        long next = 0;
        for (var f = 0; f < paths.Count; f++)
        {
            var bytes = ReadAll(paths[f], layout);
            if (bytes.LongLength != lengths[f])
            {
                throw new InputException($"{paths[f]} changed size while it was read. Read it again when nothing writes to it.");
            }

            var count = bytes.Length / recordBytes;
            for (var r = 0; r < count; r++, next++)
            {
                var record = bytes.AsSpan(r * recordBytes, recordBytes);
                labels[next] = Label(record, layout, paths[f], r);
                record[layout.LabelBytes..].CopyTo(pixels.AsSpan((int)(next * ImageBytes), ImageBytes));
            }
        }

        return new ImageSet(pixels, labels, Channels, Height, Width, layout.Classes);
    }

    private static long Label(ReadOnlySpan<byte> record, Layout layout, string path, int index)
    {
        if (layout.LabelBytes == 2 && record[0] >= 20)
        {
            throw new InputException(
                $"{path} record {index} has coarse label {record[0]}, outside 0..19: it is corrupt or not a " +
                $"{layout.DisplayName} file. {layout.Hint}");
        }

        var label = record[layout.LabelBytes - 1];
        if (label >= layout.Classes)
        {
            throw new InputException(
                $"{path} record {index} has label {label}, outside 0..{layout.Classes - 1}: it is corrupt or not a " +
                $"{layout.DisplayName} file. {layout.Hint}");
        }

        return label;
    }

    private static long Length(string path, Layout layout)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (FileNotFoundException e)
        {
            throw new InputException($"{path} does not exist. {layout.Hint}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path} cannot be read: {e.Message}. {layout.Hint}", e);
        }
    }

    private static byte[] ReadAll(string path, Layout layout)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path} cannot be read: {e.Message}. {layout.Hint}", e);
        }
    }

    private sealed record Layout(
        string Name,
        string DisplayName,
        string Subfolder,
        IReadOnlyList<string> TrainFiles,
        IReadOnlyList<string> TestFiles,
        int LabelBytes,
        int Classes,
        string Archive)
    {
        public string Hint =>
            $"{DisplayName} is read from its binary version ({Archive}, extracted): name a data folder (or set " +
            $"MIAREPRO_DATA), or its {Subfolder} subfolder, holding {string.Join(", ", TrainFiles.Concat(TestFiles))}.";
    }
}
