using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// The operations a policy draws from and their magnitude bins, as torchvision's <c>_augmentation_space</c>: each
/// operation has a table of magnitudes (or none) and may be signed, its magnitude then negated with probability ½.
/// Tables are built with <c>torch.linspace</c> in float32, as torchvision's, so truncations (<c>int(m)</c>) agree.
/// </summary>
internal sealed class AugmentationSpace
{
    private readonly float[] _magnitudes;
    private readonly bool[] _signed;

    private AugmentationSpace(int bins, IReadOnlyList<(ImageOp Op, float[] Magnitudes, bool Signed)> entries)
    {
        Bins = bins;
        Ops = [.. entries.Select(e => e.Op)];
        var kinds = Enum.GetValues<ImageOp>().Length;
        _magnitudes = new float[kinds * bins];
        _signed = new bool[kinds];
        foreach (var (op, magnitudes, signed) in entries)
        {
            magnitudes.CopyTo(_magnitudes, (int)op * bins);
            _signed[(int)op] = signed;
        }
    }

    /// <summary>The operations of the space, in torchvision's order (a uniform draw picks among them).</summary>
    public IReadOnlyList<ImageOp> Ops { get; }

    /// <summary>The number of magnitude bins.</summary>
    public int Bins { get; }

    /// <summary>AutoAugment's space: 10 bins, no Identity, with Invert.</summary>
    public static AugmentationSpace AutoAugment(long height, long width) =>
        new(10, [.. Geometric(10, 150.0 / 331.0 * width, 150.0 / 331.0 * height, 0.3, 30.0), .. Enhancements(10, 0.9),
            (ImageOp.Posterize, PosterizeBits(10, 8, 4), false), (ImageOp.Solarize, Linspace(255.0, 0.0, 10), false),
            (ImageOp.AutoContrast, [], false), (ImageOp.Equalize, [], false), (ImageOp.Invert, [], false)]);

    /// <summary>RandAugment's space: Identity first, no Invert.</summary>
    public static AugmentationSpace RandAugment(int bins, long height, long width) =>
        new(bins, [(ImageOp.Identity, [], false), .. Geometric(bins, 150.0 / 331.0 * width, 150.0 / 331.0 * height, 0.3, 30.0),
            .. Enhancements(bins, 0.9), (ImageOp.Posterize, PosterizeBits(bins, 8, 4), false),
            (ImageOp.Solarize, Linspace(255.0, 0.0, bins), false), (ImageOp.AutoContrast, [], false), (ImageOp.Equalize, [], false)]);

    /// <summary>TrivialAugmentWide's space: RandAugment's operations over the wide ranges (independent of image size).</summary>
    public static AugmentationSpace TrivialAugmentWide(int bins) =>
        new(bins, [(ImageOp.Identity, [], false), .. Geometric(bins, 32.0, 32.0, 0.99, 135.0), .. Enhancements(bins, 0.99),
            (ImageOp.Posterize, PosterizeBits(bins, 8, 6), false), (ImageOp.Solarize, Linspace(255.0, 0.0, bins), false),
            (ImageOp.AutoContrast, [], false), (ImageOp.Equalize, [], false)]);

    /// <summary>AugMix's space with <c>all_ops=True</c> (torchvision's default): 11 bins (severity ≤ 10), no Identity or Invert.</summary>
    public static AugmentationSpace AugMix(long height, long width) =>
        new(11, [.. Geometric(11, width / 3.0, height / 3.0, 0.3, 30.0), (ImageOp.Posterize, PosterizeBits(11, 4, 4), false),
            (ImageOp.Solarize, Linspace(255.0, 0.0, 11), false), (ImageOp.AutoContrast, [], false), (ImageOp.Equalize, [], false),
            .. Enhancements(11, 0.9)]);

    /// <summary><paramref name="n"/> operations drawn uniformly from the space: int64 <see cref="ImageOp"/> codes on the CPU.</summary>
    public Tensor DrawOps(long n, Generator generator)
    {
        using var scope = NewDisposeScope();
        var codes = tensor(Ops.Select(o => (long)o).ToArray());
        return codes.index_select(0, randint(Ops.Count, [n], generator: generator)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The magnitudes of <paramref name="ops"/> at <paramref name="bins"/> (int64 [n] each, on the CPU), negated where
    /// the operation is signed and <paramref name="flip"/> (bool [n]) is set; 0 for operations without magnitudes.
    /// </summary>
    public Tensor Magnitudes(Tensor ops, Tensor bins, Tensor flip)
    {
        using var scope = NewDisposeScope();
        var magnitude = tensor(_magnitudes).take(ops.mul(Bins).add_(bins));
        var negate = tensor(_signed).index_select(0, ops).logical_and_(flip);
        return where(negate, magnitude.neg(), magnitude).MoveToOuterDisposeScope();
    }

    /// <summary>Magnitudes of <paramref name="n"/> signed draws: <paramref name="bins"/>, flips with probability ½.</summary>
    public Tensor DrawSigned(Tensor ops, Tensor bins, Generator generator)
    {
        using var scope = NewDisposeScope();
        return Magnitudes(ops, bins, rand(ops.shape[0], generator: generator).lt(0.5)).MoveToOuterDisposeScope();
    }

    private static IEnumerable<(ImageOp, float[], bool)> Geometric(int bins, double translateX, double translateY, double shear, double degrees) =>
    [
        (ImageOp.ShearX, Linspace(0.0, shear, bins), true),
        (ImageOp.ShearY, Linspace(0.0, shear, bins), true),
        (ImageOp.TranslateX, Linspace(0.0, translateX, bins), true),
        (ImageOp.TranslateY, Linspace(0.0, translateY, bins), true),
        (ImageOp.Rotate, Linspace(0.0, degrees, bins), true),
    ];

    private static IEnumerable<(ImageOp, float[], bool)> Enhancements(int bins, double max) =>
    [
        (ImageOp.Brightness, Linspace(0.0, max, bins), true),
        (ImageOp.Color, Linspace(0.0, max, bins), true),
        (ImageOp.Contrast, Linspace(0.0, max, bins), true),
        (ImageOp.Sharpness, Linspace(0.0, max, bins), true),
    ];

    /// <summary>torchvision's <c>top − round(arange(bins) / ((bins − 1) / levels))</c>.</summary>
    private static float[] PosterizeBits(int bins, int top, int levels) =>
        [.. Enumerable.Range(0, bins).Select(i => (float)(top - Math.Round(i / ((bins - 1) / (double)levels), MidpointRounding.ToEven)))];

    private static float[] Linspace(double start, double end, int bins)
    {
        using var values = linspace(start, end, bins, dtype: ScalarType.Float32);
        return values.data<float>().ToArray();
    }
}
