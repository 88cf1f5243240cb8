namespace MiaRepro.Data;

/// <summary>
/// Images as raw 8-bit pixels in C order [count, channels, height, width], with one label per image.
/// </summary>
public sealed record ImageSet(byte[] Pixels, long[] Labels, int Channels, int Height, int Width, int Classes)
{
    public int Count => Labels.Length;

    public int PixelsPerImage => Channels * Height * Width;
}
