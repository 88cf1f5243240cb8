using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

/// <summary>Hand-made batches for the augmentation tests.</summary>
internal static class TestImages
{
    /// <summary>
    /// CIFAR-like images in [−1, 1] on 8-bit levels: smooth (4×4 noise upsampled), each with its own brightness range
    /// inside [0.1, 0.9] of the scale, so that AutoContrast, Equalize and Solarize have something to do.
    /// </summary>
    public static Tensor Natural(long n, long channels = 3, long size = 32, long seed = 1)
    {
        using var scope = NewDisposeScope();
        var g = new Generator((ulong)seed);
        var coarse = rand([n, channels, 4, 4], generator: g);
        var low = rand([n, 1, 1, 1], generator: g).mul_(0.3).add_(0.1);
        var span = rand([n, 1, 1, 1], generator: g).mul_(0.4).add_(0.1);
        var smooth = nn.functional.interpolate(coarse, [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
        var unit = smooth.mul(span).add_(low);
        return unit.mul_(255.0).round_().div_(127.5).sub_(1.0).MoveToOuterDisposeScope();
    }

    /// <summary>The same images, with labels 0…n−1 (so that a permutation of the labels names the images).</summary>
    public static Tensor Ids(long n) => arange(n, dtype: ScalarType.Int64);

    /// <summary>A [1, 1, h, w] image in [0, 1] with the 8-bit values of <paramref name="values"/>, row by row.</summary>
    public static Tensor Unit8(int h, int w, Func<int, int, int> values)
    {
        var data = new float[h * w];
        for (var r = 0; r < h; r++)
        {
            for (var c = 0; c < w; c++)
            {
                data[(r * w) + c] = values(r, c) / 255f;
            }
        }

        return tensor(data).view(1, 1, h, w);
    }

    /// <summary>Exact equality of two tensors.</summary>
    public static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>The fraction of images of <paramref name="y"/> that differ from <paramref name="x"/> in any value.</summary>
    public static double ChangedFraction(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        return y.ne(x).flatten(1).any(1).to_type(ScalarType.Float64).mean().item<double>();
    }
}
