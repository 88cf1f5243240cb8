using MiaRepro.IO;
using SkiaSharp;

namespace MiaRepro.Tests.Data;

/// <summary>Datasets of one's own, written as a user would: NumPy arrays and image folders of PNG files.</summary>
public static class OwnDatasetFiles
{
    /// <summary>The label of image i of a split: classes in turn, so that every class has images.</summary>
    public static long Label(int i, int classes) => i % classes;

    /// <summary>
    /// <c>train_images.npy</c> uint8 [N, H, W] (or [N, H, W, C] when <paramref name="channels"/> is given), labels
    /// int64, for <paramref name="train"/> and <paramref name="test"/> images; pixel (n, y, x, c) = (n + 3y + 5x + 7c) mod 256.
    /// </summary>
    public static string WriteNpy(string folder, int train, int test, int height, int width, int? channels = null, int classes = 3)
    {
        Directory.CreateDirectory(folder);
        foreach (var (split, count) in new[] { ("train", train), ("test", test) })
        {
            var c = channels ?? 1;
            var pixels = new byte[count * height * width * c];
            for (var n = 0; n < count; n++)
            {
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        for (var k = 0; k < c; k++)
                        {
                            pixels[(((((n * height) + y) * width) + x) * c) + k] = (byte)((n + (3 * y) + (5 * x) + (7 * k)) % 256);
                        }
                    }
                }
            }

            int[] shape = channels is null ? [count, height, width] : [count, height, width, c];
            Npy.Write(Path.Combine(folder, $"{split}_images.npy"), NpyArray.Of(pixels, shape));
            Npy.Write(Path.Combine(folder, $"{split}_labels.npy"), NpyArray.Of([.. Enumerable.Range(0, count).Select(i => Label(i, classes))], count));
        }

        return folder;
    }

    /// <summary>
    /// <c>train/&lt;class&gt;/i.png</c> and <c>test/&lt;class&gt;/i.png</c>: grayscale PNGs (or RGB when <paramref name="rgb"/>)
    /// whose pixel (y, x) is (i + 3y + 5x + 7c) mod 256, classes named <c>class-a</c>, <c>class-b</c>, ….
    /// </summary>
    public static string WriteImageFolder(string folder, int train, int test, int size, bool rgb = false, int classes = 3)
    {
        foreach (var (split, count) in new[] { ("train", train), ("test", test) })
        {
            for (var i = 0; i < count; i++)
            {
                var classFolder = Path.Combine(folder, split, ClassName((int)Label(i, classes)));
                Directory.CreateDirectory(classFolder);
                WritePng(Path.Combine(classFolder, $"{i:D5}.png"), size, size, rgb, (y, x, c) => (byte)((i + (3 * y) + (5 * x) + (7 * c)) % 256));
            }
        }

        return folder;
    }

    public static string ClassName(int label) => $"class-{(char)('a' + label)}";

    public static void WritePng(string path, int width, int height, bool rgb, Func<int, int, int, byte> pixel)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, rgb ? SKColorType.Rgba8888 : SKColorType.Gray8, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, rgb ? new SKColor(pixel(y, x, 0), pixel(y, x, 1), pixel(y, x, 2)) : new SKColor(pixel(y, x, 0), pixel(y, x, 0), pixel(y, x, 0)));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>A PNG of the given size (8-bit RGB) whose one IDAT chunk holds an empty zlib stream: a valid header, no pixels.</summary>
    public static byte[] PngHeaderOnly(int width, int height) =>
    [
        137, 80, 78, 71, 13, 10, 26, 10,
        .. Chunk("IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 2, 0, 0, 0]),
        .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
        .. Chunk("IEND", []),
    ];

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        return [.. BigEndian(data.Length), .. typed, .. BigEndian((int)Crc32(typed))];
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
