using MiaRepro.IO;

namespace MiaRepro.Data;

/// <summary>
/// A dataset as NumPy arrays (docs/data.md): <c>train_images.npy</c> uint8 [N, H, W] or [N, H, W, C] (C = 1 or 3,
/// channels last as NumPy and PIL hold images), <c>train_labels.npy</c> int64 (or uint8) [N], and the same two for
/// <c>test</c>. The classes are 0 … C − 1, each with at least one training image; the test labels lie among them.
/// </summary>
public static class ArrayDatasetReader
{
    public const string Layout =
        "train_images.npy and test_images.npy (uint8 [N, H, W] or [N, H, W, C] with C = 1 or 3) and train_labels.npy and " +
        "test_labels.npy (int64 [N], classes 0 … C − 1), written with numpy.save";

    /// <exception cref="InputException">A file is missing or malformed; the message names it.</exception>
    public static Dataset Read(string name, string folder)
    {
        var train = ReadSplit(folder, "train");
        var test = ReadSplit(folder, "test");
        if ((train.Channels, train.Height, train.Width) != (test.Channels, test.Height, test.Width))
        {
            throw new InputException(
                $"{Path.Combine(folder, "test_images.npy")} holds {test.Channels}×{test.Height}×{test.Width} images but the training images are " +
                $"{train.Channels}×{train.Height}×{train.Width} (channels × height × width); both splits need one image shape.");
        }

        var classes = LabelSet.Classes(train.Labels, Path.Combine(folder, "train_labels.npy"));
        LabelSet.RequireWithin(test.Labels, classes, Path.Combine(folder, "test_labels.npy"));
        return new Dataset(
            name,
            new ImageSet(train.Pixels, train.Labels, train.Channels, train.Height, train.Width, classes),
            new ImageSet(test.Pixels, test.Labels, test.Channels, test.Height, test.Width, classes),
            folder);
    }

    private static (byte[] Pixels, long[] Labels, int Channels, int Height, int Width) ReadSplit(string folder, string split)
    {
        var imagesPath = Path.Combine(folder, $"{split}_images.npy");
        var labelsPath = Path.Combine(folder, $"{split}_labels.npy");
        foreach (var path in new[] { imagesPath, labelsPath })
        {
            if (!File.Exists(path))
            {
                throw new InputException($"{path} does not exist; a NumPy dataset folder holds {Layout}.");
            }
        }

        var images = Npy.Read(imagesPath);
        if (images.DType != NpyDType.UInt8 || images.Shape.Count is not (3 or 4) || (images.Shape.Count == 4 && images.Shape[3] is not (1 or 3)))
        {
            throw new InputException(
                $"{imagesPath} is {images.DType} [{string.Join(", ", images.Shape)}]; expected uint8 [N, H, W] or [N, H, W, C] with C = 1 or 3 " +
                "(convert with images.astype('uint8'), pixel values 0–255).");
        }

        var (count, height, width) = (images.Shape[0], images.Shape[1], images.Shape[2]);
        var channels = images.Shape.Count == 4 ? images.Shape[3] : 1;
        if (count < 1 || height < 1 || width < 1)
        {
            throw new InputException($"{imagesPath} holds no image (shape [{string.Join(", ", images.Shape)}]).");
        }

        var labels = Npy.Read(labelsPath);
        long[] values = labels switch
        {
            { DType: NpyDType.Int64, Data: long[] l } => l,
            { DType: NpyDType.UInt8, Data: byte[] b } => [.. b.Select(x => (long)x)],
            _ => throw new InputException($"{labelsPath} is {labels.DType}; expected int64 [N] class indices (convert with labels.astype('int64'))."),
        };
        if (labels.Shape.Count != 1 || values.Length != count)
        {
            throw new InputException(
                $"{labelsPath} has shape [{string.Join(", ", labels.Shape)}] for the {count} images of {imagesPath}; expected [{count}]: one label per image.");
        }

        return (ChannelsFirst((byte[])images.Data, count, height, width, channels), values, channels, height, width);
    }

    /// <summary>[N, H, W, C] pixels as [N, C, H, W] (a copy; C = 1 is the same order).</summary>
    private static byte[] ChannelsFirst(byte[] pixels, int count, int height, int width, int channels)
    {
        if (channels == 1)
        {
            return pixels;
        }

        var plane = height * width;
        var result = new byte[pixels.Length];
        for (var n = 0; n < count; n++)
        {
            var image = (long)n * plane * channels;
            for (var p = 0; p < plane; p++)
            {
                for (var c = 0; c < channels; c++)
                {
                    result[image + ((long)c * plane) + p] = pixels[image + ((long)p * channels) + c];
                }
            }
        }

        return result;
    }
}
