using System.Buffers.Binary;
using SkiaSharp;

namespace MiaRepro.Tests.Reports;

/// <summary>What a test can tell of a PNG file: its signature, its IHDR size, and (decoded by SkiaSharp) its pixels.</summary>
internal sealed record PngImage(bool HasSignature, int Width, int Height, int DistinctColours, double NonWhiteFraction)
{
    private static readonly byte[] s_signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImage Read(string path) => Of(File.ReadAllBytes(path));

    public static PngImage Of(byte[] bytes)
    {
        var signature = bytes.Length >= 33 && bytes.AsSpan(0, 8).SequenceEqual(s_signature) && bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8);
        if (!signature)
        {
            return new PngImage(false, 0, 0, 0, 0.0);
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidDataException("SkiaSharp could not decode the PNG.");
        var pixels = bitmap.Pixels;
        var distinct = pixels.Select(p => (uint)p).Distinct().Count();
        var nonWhite = pixels.Count(p => p.Red < 250 || p.Green < 250 || p.Blue < 250);
        return new PngImage(true, width, height, distinct, (double)nonWhite / pixels.Length);
    }
}
