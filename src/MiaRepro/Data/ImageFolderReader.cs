using SkiaSharp;

namespace MiaRepro.Data;

/// <summary>
/// A dataset as image files (docs/data.md): <c>train/&lt;class&gt;/*.png|jpg</c> and <c>test/&lt;class&gt;/*.png|jpg</c>,
/// one subfolder per class. Classes are the training subfolders in ordinal order of their names (class 0 first);
/// the test subfolders must be among them. Images are decoded by SkiaSharp (the plots' renderer); all must have one
/// size; they are grayscale (1 channel) when every image is, else RGB (3 channels; alpha is dropped, grayscale
/// images are repeated over the three).
/// </summary>
public static class ImageFolderReader
{
    public const string Layout =
        "train/ and test/, each with one subfolder per class (the same class names) holding that class's PNG or JPEG images, all of one size";

    /// <summary>The longest image side read: an image's header is checked against it before its pixels are decoded.</summary>
    public const int MaxSide = 1024;

    /// <summary>
    /// The most pixel bytes one split may hold once decoded (channels × height × width, summed over its images): 256 MiB,
    /// 87,000 CIFAR-sized images or 1,700 of 224×224 RGB. Training holds the population and the test split as float32
    /// (4 bytes a pixel), so this bound is what keeps a folder of small, highly compressed files from filling memory.
    /// </summary>
    public const long MaxSplitBytes = 256L << 20;

    private static readonly string[] s_extensions = [".png", ".jpg", ".jpeg"];

    /// <exception cref="InputException">A folder is missing or empty, or an image is unreadable or of another size; the message names it.</exception>
    public static Dataset Read(string name, string folder)
    {
        var trainFolder = Path.Combine(folder, "train");
        var trainClasses = ClassFolders(trainFolder);
        var classNames = trainClasses.Select(Path.GetFileName).OfType<string>().ToList();
        if (classNames.Count < 2)
        {
            throw new InputException(
                $"{trainFolder} has {(classNames.Count == 0 ? "no class subfolder" : $"one class subfolder ({classNames[0]})")}; membership inference needs a classifier of at least two classes: {Layout}.");
        }

        var train = Decode(trainFolder, trainClasses, classNames, requireEvery: true);
        var testFolder = Path.Combine(folder, "test");
        var test = Decode(testFolder, ClassFolders(testFolder), classNames, requireEvery: false);
        if ((train.Height, train.Width) != (test.Height, test.Width))
        {
            throw new InputException(
                $"{test.First} is {test.Width}×{test.Height} pixels but {train.First} is {train.Width}×{train.Height}; resize every image to one size.");
        }

        var channels = train.Gray && test.Gray ? 1 : 3;
        return new Dataset(
            name,
            new ImageSet(train.Pixels(channels), train.Labels, channels, train.Height, train.Width, classNames.Count),
            new ImageSet(test.Pixels(channels), test.Labels, channels, test.Height, test.Width, classNames.Count),
            folder).WithClassNames(classNames);
    }

    private static List<string> ClassFolders(string split)
    {
        if (!Directory.Exists(split))
        {
            throw new InputException($"{split} does not exist; an image-folder dataset holds {Layout}.");
        }

        if (Directory.EnumerateFiles(split).FirstOrDefault(IsImage) is { } loose)
        {
            throw new InputException($"{loose} lies directly in {split}; put each image in the subfolder of its class ({Layout}).");
        }

        return [.. Directory.EnumerateDirectories(split).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal)];
    }

    private static bool IsImage(string path) => s_extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <param name="folders">The class subfolders of <paramref name="split"/> (<see cref="ClassFolders"/>).</param>
    private static Split Decode(string split, List<string> folders, List<string> classNames, bool requireEvery)
    {
        if (folders.Select(Path.GetFileName).FirstOrDefault(c => !classNames.Contains(c!)) is { } unknown)
        {
            throw new InputException(
                $"{Path.Combine(split, unknown)} is a class the training images do not have; the test classes must be among the training classes ({string.Join(", ", classNames)}).");
        }

        var images = new List<(byte[] Pixels, bool Gray)>();
        var labels = new List<long>();
        var (height, width, first) = (0, 0, string.Empty);
        var bytes = 0L;
        foreach (var classFolder in folders)
        {
            var files = Directory.EnumerateFiles(classFolder).Where(IsImage).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0 && requireEvery)
            {
                throw new InputException($"{classFolder} holds no PNG or JPEG image; every class needs training images.");
            }

            var label = classNames.IndexOf(Path.GetFileName(classFolder)!);
            foreach (var file in files)
            {
                var (pixels, gray, w, h) = DecodeOne(file, MaxSplitBytes - bytes);
                bytes += pixels.LongLength;
                if (images.Count == 0)
                {
                    (height, width, first) = (h, w, file);
                }
                else if ((w, h) != (width, height))
                {
                    throw new InputException($"{file} is {w}×{h} pixels but {first} is {width}×{height}; resize every image to one size.");
                }

                images.Add((pixels, gray));
                labels.Add(label);
            }
        }

        return images.Count == 0
            ? throw new InputException($"{split} holds no PNG or JPEG image in its class subfolders ({Layout}).")
            : new Split(images, [.. labels], height, width, first);
    }

    /// <summary>One image's pixels: grayscale as one byte per pixel, else RGB planes [3, h, w].</summary>
    /// <param name="budget">The pixel bytes the split may still take; an image beyond it is refused before it is decoded.</param>
    private static (byte[] Pixels, bool Gray, int Width, int Height) DecodeOne(string file, long budget)
    {
        using var codec = SKCodec.Create(file)
            ?? throw new InputException($"{file} cannot be decoded as a PNG or JPEG image; replace or remove it.");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w > MaxSide || h > MaxSide || w < 1 || h < 1)
        {
            throw new InputException($"{file} declares {w}×{h} pixels; MiaRepro reads images of 1 to {MaxSide} pixels a side: resize it (the models train on small images).");
        }

        var gray = codec.Info.ColorType == SKColorType.Gray8;
        if ((gray ? 1L : 3L) * w * h > budget)
        {
            throw new InputException(
                $"{file}: the images of {Path.GetDirectoryName(Path.GetDirectoryName(file))} take more than {MaxSplitBytes >> 20} MiB once decoded; use fewer or smaller images.");
        }

        var info = new SKImageInfo(w, h, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InputException($"{file} cannot be decoded ({result}); replace or remove it.");
        }

        var source = bitmap.GetPixelSpan();
        var (rowBytes, plane) = (bitmap.RowBytes, w * h);
        var pixels = new byte[gray ? plane : 3 * plane];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (gray)
                {
                    pixels[(y * w) + x] = source[(y * rowBytes) + x];
                    continue;
                }

                var at = (y * rowBytes) + (4 * x);
                for (var c = 0; c < 3; c++)
                {
                    pixels[(c * plane) + (y * w) + x] = source[at + c];
                }
            }
        }

        return (pixels, gray, w, h);
    }

    private sealed record Split(List<(byte[] Pixels, bool Gray)> Images, long[] Labels, int Height, int Width, string First)
    {
        public bool Gray => Images.All(i => i.Gray);

        /// <summary>Every image as [channels, h, w], in order; grayscale images repeated over three channels when <paramref name="channels"/> is 3.</summary>
        public byte[] Pixels(int channels)
        {
            var size = channels * Height * Width;
            var pixels = new byte[(long)Images.Count * size];
            for (var i = 0; i < Images.Count; i++)
            {
                var (image, gray) = Images[i];
                var plane = Height * Width;
                for (var c = 0; c < channels; c++)
                {
                    var source = gray ? image.AsSpan() : image.AsSpan(c * plane, plane);
                    source.CopyTo(pixels.AsSpan(checked((i * size) + (c * plane)), plane));
                }
            }

            return pixels;
        }
    }
}
