namespace MiaRepro.Data;

/// <summary>
/// Images as raw 8-bit pixels in C order [count, channels, height, width], with one label per image.
/// </summary>
public sealed record ImageSet(byte[] Pixels, long[] Labels, int Channels, int Height, int Width, int Classes)
{
    public int Count => Labels.Length;

    /// <summary>The name of each class (class 0 first) where the dataset has them (Fashion-MNIST, CIFAR-10, an image folder's subfolders); else null.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Class <paramref name="label"/> in words: "6 (Shirt)", or "6" without names.</summary>
    public string ClassText(long label) =>
        ClassNames is { } names && label >= 0 && label < names.Count ? $"{label} ({names[(int)label]})" : label.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int PixelsPerImage => Channels * Height * Width;

    /// <summary>The images of <paramref name="first"/> followed by those of <paramref name="second"/> (same shape and classes).</summary>
    public static ImageSet Concat(ImageSet first, ImageSet second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if ((first.Channels, first.Height, first.Width, first.Classes) != (second.Channels, second.Height, second.Width, second.Classes))
        {
            throw new ArgumentException("Only image sets of one shape and class count can be pooled.", nameof(second));
        }

        return new ImageSet(
            [.. first.Pixels, .. second.Pixels], [.. first.Labels, .. second.Labels],
            first.Channels, first.Height, first.Width, first.Classes)
        {
            ClassNames = first.ClassNames,
        };
    }
}
