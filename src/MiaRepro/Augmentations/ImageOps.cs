using static TorchSharp.torch;

namespace MiaRepro.Augmentations;

/// <summary>
/// The operations of AutoAugment, RandAugment, TrivialAugment and AugMix as batched kernels: each image of a batch gets
/// its own operation and magnitude, and each operation runs once on the images that drew it. Images are float
/// [n, c, h, w] in [0, 1], torchvision's float scale; magnitudes are torchvision's (signed, before <c>1 + m</c> for the
/// enhancements, before <c>int(m)</c> for translations and Posterize). Semantics follow torchvision's functional tensor
/// implementation. The operations defined on 8-bit images (Posterize, Solarize, AutoContrast, Equalize) first quantise
/// to 0…255 and return multiples of 1/255, as they would on uint8 tensors.
/// </summary>
internal static class ImageOps
{
    private static readonly ImageOp[] s_pointwise =
    [
        ImageOp.Brightness, ImageOp.Color, ImageOp.Contrast, ImageOp.Sharpness, ImageOp.Posterize,
        ImageOp.Solarize, ImageOp.AutoContrast, ImageOp.Equalize, ImageOp.Invert,
    ];

    /// <summary>[−1, 1] → [0, 1].</summary>
    public static Tensor ToUnit(Tensor images) => images.add(1.0).div_(2.0);

    /// <summary>[0, 1] → [−1, 1].</summary>
    public static Tensor FromUnit(Tensor unit) => unit.mul(2.0).sub_(1.0).clamp_(-1.0, 1.0);

    /// <summary>
    /// Applies to image i the operation <paramref name="ops"/>[i] with magnitude <paramref name="magnitudes"/>[i].
    /// </summary>
    /// <param name="unit">Images in [0, 1], on any device.</param>
    /// <param name="ops">int64 [n] on the CPU: <see cref="ImageOp"/> codes.</param>
    /// <param name="magnitudes">float [n] on the CPU: signed magnitudes (ignored by operations without one).</param>
    /// <param name="interpolation">Resampling of the geometric operations (torchvision: nearest, AugMix bilinear).</param>
    public static Tensor Apply(Tensor unit, Tensor ops, Tensor magnitudes, GridSampleMode interpolation)
    {
        using var scope = NewDisposeScope();
        var (h, w) = (unit.shape[2], unit.shape[3]);
        var result = unit.clone();
        var geometric = ops.ge((long)ImageOp.ShearX).logical_and_(ops.le((long)ImageOp.Rotate));
        Replace(result, unit, geometric, (images, index) =>
            Affine(images, AffineTheta(ops.index_select(0, index), magnitudes.index_select(0, index), h, w), interpolation));
        foreach (var op in s_pointwise)
        {
            Replace(result, unit, ops.eq((long)op), (images, index) =>
                Pointwise(op, images, magnitudes.index_select(0, index).to(images.dtype, images.device).view(-1, 1, 1, 1)));
        }

        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Runs <paramref name="kernel"/> on the selected images (and their CPU indices) and writes its output back.</summary>
    private static void Replace(Tensor result, Tensor source, Tensor selected, Func<Tensor, Tensor, Tensor> kernel)
    {
        var index = selected.nonzero().view(-1);
        if (index.shape[0] == 0)
        {
            return;
        }

        var onDevice = index.to(source.device);
        result.index_copy_(0, onDevice, kernel(source.index_select(0, onDevice), index));
    }

    private static Tensor Pointwise(ImageOp op, Tensor x, Tensor m) => op switch
    {
        ImageOp.Brightness => Blend(x, zeros_like(x), m.add(1.0)),
        ImageOp.Color => Saturation(x, m.add(1.0)),
        ImageOp.Contrast => Contrast(x, m.add(1.0)),
        ImageOp.Sharpness => Sharpness(x, m.add(1.0)),
        ImageOp.Posterize => Posterize(x, m.trunc()),
        ImageOp.Solarize => Solarize(x, m),
        ImageOp.AutoContrast => AutoContrast(x),
        ImageOp.Equalize => Equalize(x),
        ImageOp.Invert => x.neg().add_(1.0),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a pointwise operation"),
    };

    /// <summary>
    /// Normalised <c>affine_grid</c> thetas [k, 2, 3] of the geometric operations. torchvision's inverse matrices, in
    /// pixel units about the image centre (x right, y down): ShearX <c>x' = x + m·(y + h/2)</c> (sheared about the
    /// top-left corner, torchvision's <c>center=[0, 0]</c>), ShearY likewise, TranslateX/Y <c>x' = x − int(m)</c>,
    /// Rotate by m degrees counter-clockwise about the centre. Each is rescaled to <c>align_corners=False</c> coordinates.
    /// </summary>
    private static Tensor AffineTheta(Tensor ops, Tensor magnitudes, long h, long w)
    {
        var m = magnitudes.to_type(ScalarType.Float64);
        var shift = m.trunc();
        var radians = m.mul(Math.PI / 180.0);
        var (cos, sin) = (radians.cos(), radians.sin());
        var (zero, one) = (zeros_like(m), ones_like(m));
        var shearX = ops.eq((long)ImageOp.ShearX);
        var shearY = ops.eq((long)ImageOp.ShearY);
        var translateX = ops.eq((long)ImageOp.TranslateX);
        var translateY = ops.eq((long)ImageOp.TranslateY);
        var rotate = ops.eq((long)ImageOp.Rotate);

        var a = where(rotate, cos, one);
        var b = where(shearX, m, where(rotate, sin.neg(), zero));
        var c = where(shearX, m.mul(h / 2.0), where(translateX, shift.neg(), zero));
        var d = where(shearY, m, where(rotate, sin, zero));
        var f = where(shearY, m.mul(w / 2.0), where(translateY, shift.neg(), zero));
        var (hw, wh) = ((double)h / w, (double)w / h);
        return stack([a, b.mul(hw), c.mul(2.0 / w), d.mul(wh), a, f.mul(2.0 / h)], 1).view(-1, 2, 3).to_type(ScalarType.Float32);
    }

    private static Tensor Affine(Tensor x, Tensor theta, GridSampleMode interpolation)
    {
        var grid = nn.functional.affine_grid(theta.to(x.dtype, x.device), x.shape, align_corners: false);
        return nn.functional.grid_sample(x, grid, interpolation, GridSamplePaddingMode.Zeros, align_corners: false);
    }

    /// <summary>torchvision's <c>_blend</c>: <c>ratio·a + (1 − ratio)·b</c>, clamped to [0, 1].</summary>
    private static Tensor Blend(Tensor a, Tensor b, Tensor ratio) =>
        a.mul(ratio).add_(b.mul(ratio.neg().add(1.0))).clamp_(0.0, 1.0);

    private static Tensor Grayscale(Tensor x) =>
        x.select(1, 0).mul(0.2989).add_(x.select(1, 1).mul(0.587)).add_(x.select(1, 2).mul(0.114)).unsqueeze(1);

    /// <summary>Blend with the grayscale image; a 1-channel image is returned as is (as in torchvision and PIL).</summary>
    private static Tensor Saturation(Tensor x, Tensor factor) =>
        x.shape[1] == 1 ? x : Blend(x, Grayscale(x), factor);

    /// <summary>Blend with the mean of the (grayscale) image.</summary>
    private static Tensor Contrast(Tensor x, Tensor factor)
    {
        var mean = (x.shape[1] == 3 ? Grayscale(x) : x).mean([1, 2, 3], keepdim: true);
        return Blend(x, mean, factor);
    }

    /// <summary>Blend with PIL's smoothing filter (3×3, centre weight 5, all others 1, over 13), borders kept.</summary>
    private static Tensor Sharpness(Tensor x, Tensor factor)
    {
        var (c, h, w) = (x.shape[1], x.shape[2], x.shape[3]);
        if (h <= 2 || w <= 2)
        {
            return x;
        }

        var kernel = tensor(new float[] { 1, 1, 1, 1, 5, 1, 1, 1, 1 }).div_(13f).view(1, 1, 3, 3)
            .expand(c, 1, 3, 3).contiguous().to(x.dtype, x.device);
        var degenerate = x.clone();
        degenerate[TensorIndex.Ellipsis, TensorIndex.Slice(1, -1), TensorIndex.Slice(1, -1)] =
            nn.functional.conv2d(x, kernel, groups: c);
        return Blend(x, degenerate, factor);
    }

    /// <summary>The 8-bit values of the image: round(255·x).</summary>
    private static Tensor Quantize(Tensor x) => x.mul(255.0).round_();

    /// <summary>Keeps the <paramref name="bits"/> high bits of each 8-bit value (<c>u &amp; −2^(8−bits)</c>).</summary>
    private static Tensor Posterize(Tensor x, Tensor bits)
    {
        var step = full_like(bits, 2.0).pow_(bits.neg().add_(8.0));
        return Quantize(x).div_(step, RoundingMode.floor).mul_(step).div_(255.0);
    }

    /// <summary>Inverts the 8-bit values at or above <paramref name="threshold"/> (on the 0…255 scale).</summary>
    private static Tensor Solarize(Tensor x, Tensor threshold)
    {
        var u = Quantize(x);
        return where(u.ge(threshold), u.neg().add(255.0), u).div_(255.0);
    }

    /// <summary>Stretches each channel's 8-bit range to 0…255 (truncating, as torchvision on uint8); flat channels stay.</summary>
    private static Tensor AutoContrast(Tensor x)
    {
        var u = Quantize(x);
        var low = u.amin([2, 3], keepdim: true);
        var range = u.amax([2, 3], keepdim: true).sub_(low);
        var stretched = u.sub(low).mul_(255.0).div_(range.clamp_min(1.0), RoundingMode.floor);
        return where(range.gt(0.0), stretched, u).div_(255.0);
    }

    /// <summary>
    /// PIL's histogram equalisation per image and channel on 8-bit values (torchvision's <c>_scale_channel</c>): a
    /// 256-bin histogram, step = ⌊(pixels − count of the highest value) / 255⌋, lut[v] = ⌊(cdf(v − 1) + ⌊step/2⌋) / step⌋
    /// clamped to 255; a channel with step 0 stays as it is.
    /// </summary>
    private static Tensor Equalize(Tensor x)
    {
        var (k, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var u = Quantize(x).to_type(ScalarType.Int64).view(k * c, h * w);
        var histogram = zeros([k * c, 256], ScalarType.Int64, x.device).scatter_add_(1, u, ones_like(u));
        var top = histogram.gather(1, u.amax([1], keepdim: true));
        var step = top.neg().add_(h * w).div_(255L, RoundingMode.floor);
        var cdf = histogram.cumsum(1);
        var lut = cdf.add(step.div(2L, RoundingMode.floor)).div_(step.clamp_min(1L), RoundingMode.floor);
        lut = cat([zeros([k * c, 1], ScalarType.Int64, x.device), lut.narrow(1, 0, 255)], 1).clamp_(0L, 255L);
        var equalised = where(step.eq(0L), u, lut.gather(1, u));
        return equalised.to_type(x.dtype).div_(255.0).view(k, c, h, w);
    }
}
