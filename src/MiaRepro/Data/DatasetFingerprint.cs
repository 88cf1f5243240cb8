using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MiaRepro.Data;

/// <summary>
/// A stable identity of a dataset's content, for keying caches: the SHA-256 (lowercase hex) of the shapes, class
/// counts, pixels and labels of its train and test splits. The name and the folder it was read from do not
/// count, so the same data read from another place has the same fingerprint. Computed once per instance.
/// </summary>
public static class DatasetFingerprint
{
    private const string FormatTag = "miarepro-dataset-v1";

    private static readonly ConditionalWeakTable<Dataset, string> _cache = [];

    /// <summary>The fingerprint of <paramref name="dataset"/> (cached per instance).</summary>
    public static string Of(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return _cache.GetValue(dataset, Compute);
    }

    /// <summary>The fingerprint of one image set: its shape, class count, pixels and labels.</summary>
    public static string Of(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(FormatTag + "/images"));
        Append(hash, images);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Compute(Dataset dataset)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(FormatTag + "/dataset"));
        Append(hash, dataset.Train);
        Append(hash, dataset.Test);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, ImageSet images)
    {
        Span<byte> header = stackalloc byte[8 * 7];
        long[] fields = [images.Channels, images.Height, images.Width, images.Classes, images.Count,
            images.Pixels.LongLength, images.Labels.LongLength];
        for (var i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(header[(8 * i)..], fields[i]);
        }

        hash.AppendData(header);
        hash.AppendData(images.Pixels);
        if (BitConverter.IsLittleEndian)
        {
            hash.AppendData(MemoryMarshal.AsBytes(images.Labels.AsSpan()));
        }
        else
        {
            Span<byte> label = stackalloc byte[8];
            foreach (var value in images.Labels)
            {
                BinaryPrimitives.WriteInt64LittleEndian(label, value);
                hash.AppendData(label);
            }
        }
    }
}
