using System.Buffers.Binary;
using System.IO.Compression;

namespace MiaRepro.Tests.Data;

/// <summary>Writes small files in the exact IDX and CIFAR binary formats, for the readers' tests.</summary>
public static class DataFiles
{
    /// <summary>Deterministic pixel bytes that differ from image to image and from position to position.</summary>
    public static byte[] Pixels(int length, int seed = 0)
    {
        var pixels = new byte[length];
        for (var i = 0; i < length; i++)
        {
            pixels[i] = (byte)((i * 31) + (i / 7) + (seed * 101) + 7);
        }

        return pixels;
    }

    /// <summary>An IDX file: big-endian magic, big-endian dimensions, then the payload.</summary>
    public static byte[] Idx(int magic, IReadOnlyList<int> dims, ReadOnlySpan<byte> payload)
    {
        var bytes = new byte[4 + (4 * dims.Count) + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var d = 0; d < dims.Count; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * d)), dims[d]);
        }

        payload.CopyTo(bytes.AsSpan(4 + (4 * dims.Count)));
        return bytes;
    }

    public static byte[] IdxImages(int count, int rows, int columns, byte[] pixels) =>
        Idx(0x00000803, [count, rows, columns], pixels);

    public static byte[] IdxLabels(IReadOnlyList<byte> labels) => Idx(0x00000801, [labels.Count], labels.ToArray());

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, gzipped when asked.</summary>
    public static string Write(string path, byte[] bytes, bool gzip = false)
    {
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    /// <summary>
    /// Writes a valid split (<c>train</c> or <c>t10k</c>) of <paramref name="labels"/>.Count images of
    /// rows×columns into <paramref name="folder"/>, as <c>.gz</c> files or raw; returns the pixels written.
    /// </summary>
    public static byte[] WriteIdxSplit(string folder, string split, IReadOnlyList<byte> labels, int rows, int columns, bool gzip, int seed = 0)
    {
        Directory.CreateDirectory(folder);
        var pixels = Pixels(labels.Count * rows * columns, seed);
        var suffix = gzip ? ".gz" : string.Empty;
        Write(Path.Combine(folder, $"{split}-images-idx3-ubyte{suffix}"), IdxImages(labels.Count, rows, columns, pixels), gzip);
        Write(Path.Combine(folder, $"{split}-labels-idx1-ubyte{suffix}"), IdxLabels(labels), gzip);
        return pixels;
    }

    /// <summary>
    /// A small Fashion-MNIST-shaped dataset in <paramref name="folder"/>: 1,500 training images of 28×28 (enough for the
    /// smoke scale's 1,000 held-out validation images and a population of a few hundred) and 200 test images.
    /// </summary>
    public static string WriteSmallIdxDataset(string folder, int seed)
    {
        var labels = Enumerable.Range(0, 1500).Select(i => (byte)((i * 7 + i / 13) % 10)).ToArray();
        WriteIdxSplit(folder, "train", labels, 28, 28, gzip: false, seed: seed);
        WriteIdxSplit(folder, "t10k", labels[..200], 28, 28, gzip: false, seed: seed + 1);
        return folder;
    }

    /// <summary>CIFAR-10 records: one label byte, then 3072 pixel bytes (R, G, B planes of 32×32).</summary>
    public static byte[] Cifar10Records(IReadOnlyList<byte> labels, byte[] pixels)
    {
        const int Image = 3072;
        var bytes = new byte[labels.Count * (1 + Image)];
        for (var r = 0; r < labels.Count; r++)
        {
            var offset = r * (1 + Image);
            bytes[offset] = labels[r];
            pixels.AsSpan(r * Image, Image).CopyTo(bytes.AsSpan(offset + 1));
        }

        return bytes;
    }

    /// <summary>CIFAR-100 records: coarse label byte, fine label byte, then 3072 pixel bytes.</summary>
    public static byte[] Cifar100Records(IReadOnlyList<byte> coarse, IReadOnlyList<byte> fine, byte[] pixels)
    {
        const int Image = 3072;
        var bytes = new byte[fine.Count * (2 + Image)];
        for (var r = 0; r < fine.Count; r++)
        {
            var offset = r * (2 + Image);
            bytes[offset] = coarse[r];
            bytes[offset + 1] = fine[r];
            pixels.AsSpan(r * Image, Image).CopyTo(bytes.AsSpan(offset + 2));
        }

        return bytes;
    }

    /// <summary>
    /// Writes a CIFAR-10 folder: five training batches of <paramref name="perBatch"/> records and a test batch of
    /// <paramref name="testCount"/>. Returns the training pixels and labels in file order.
    /// </summary>
    public static (byte[] Pixels, byte[] Labels) WriteCifar10(string folder, int perBatch, int testCount)
    {
        Directory.CreateDirectory(folder);
        var allPixels = new List<byte>();
        var allLabels = new List<byte>();
        for (var b = 1; b <= 5; b++)
        {
            var labels = Enumerable.Range(0, perBatch).Select(i => (byte)((i + b) % 10)).ToArray();
            var pixels = Pixels(perBatch * 3072, seed: b);
            Write(Path.Combine(folder, $"data_batch_{b}.bin"), Cifar10Records(labels, pixels));
            allPixels.AddRange(pixels);
            allLabels.AddRange(labels);
        }

        var testLabels = Enumerable.Range(0, testCount).Select(i => (byte)(9 - (i % 10))).ToArray();
        Write(Path.Combine(folder, "test_batch.bin"), Cifar10Records(testLabels, Pixels(testCount * 3072, seed: 9)));
        return ([.. allPixels], [.. allLabels]);
    }
}
