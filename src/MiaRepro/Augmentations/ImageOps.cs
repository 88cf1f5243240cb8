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

    /// <summary>[0, 1] → [−1, 1], in place: <paramref name="unit"/> must be the caller's own temporary.</summary>
    public static Tensor FromUnit(Tensor unit) => unit.mul_(2.0).sub_(1.0).clamp_(-1.0, 1.0);

    /// <summary>
    /// Applies to image i the operation <paramref name="ops"/>[i] with magnitude <paramref name="magnitudes"/>[i];
    /// returns a new tensor.
    /// </summary>
    /// <param name="unit">Images in [0, 1], on any device; not modified.</param>
    /// <param name="ops">int64 [n] on the CPU: <see cref="ImageOp"/> codes.</param>
    /// <param name="magnitudes">float [n] on the CPU: signed magnitudes (ignored by operations without one).</param>
    /// <param name="interpolation">Resampling of the geometric operations (torchvision: nearest, AugMix bilinear).</param>
    public static Tensor Apply(Tensor unit, Tensor ops, Tensor magnitudes, GridSampleMode interpolation)
    {
        using var scope = NewDisposeScope();
        return ApplyInPlace(unit.clone(), ops, magnitudes, interpolation).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="Apply"/> writing the result into <paramref name="unit"/>, which must be the caller's own temporary:
    /// the policies chain their stages on one buffer (fresh full-batch allocations cost more than the kernels here).
    /// Each operation reads its images before writing them back, and no image is read by two operations.
    /// </summary>
    public static Tensor ApplyInPlace(Tensor unit, Tensor ops, Tensor magnitudes, GridSampleMode interpolation)
    {
        using var scope = NewDisposeScope();
        var (h, w) = (unit.shape[2], unit.shape[3]);
        void Run(Tensor selected, Func<Tensor, Tensor, Tensor> kernel)
        {
            using var opScope = NewDisposeScope();
            var index = selected.nonzero().view(-1);
            if (index.shape[0] > 0)
            {
                var onDevice = index.to(unit.device);
                unit.index_copy_(0, onDevice, kernel(unit.index_select(0, onDevice), index));
            }
        }

        Run(ops.ge((long)ImageOp.ShearX).logical_and_(ops.le((long)ImageOp.Rotate)), (images, index) =>
            Affine(images, AffineTheta(ops.index_select(0, index), magnitudes.index_select(0, index), h, w), interpolation));
        foreach (var op in s_pointwise)
        {
            Run(ops.eq((long)op), (images, index) =>
                Pointwise(op, images, magnitudes.index_select(0, index).to(images.dtype, images.device).view(-1, 1, 1, 1)));
        }

        return unit;
    }

    /// <summary>One pointwise operation on <paramref name="x"/>, Apply's own copy of the images: the kernels work in place.</summary>
    private static Tensor Pointwise(ImageOp op, Tensor x, Tensor m) => op switch
    {
        ImageOp.Brightness => x.mul_(m.add(1.0)).clamp_(0.0, 1.0),
        ImageOp.Color => Saturation(x, m.add(1.0)),
        ImageOp.Contrast => Contrast(x, m.add(1.0)),
        ImageOp.Sharpness => Sharpness(x, m.add(1.0)),
        ImageOp.Posterize => Posterize(x, m.trunc()),
        ImageOp.Solarize => Solarize(x, m),
        ImageOp.AutoContrast => AutoContrast(x),
        ImageOp.Equalize => Equalize(x),
        ImageOp.Invert => x.neg_().add_(1.0),
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

    /// <summary>
    /// Resamples each image through its theta: the sampling grid of <c>affine_grid(theta, align_corners=False)</c>,
    /// built with broadcast arithmetic (libtorch's batched small matrix products are slower here).
    /// </summary>
    private static Tensor Affine(Tensor x, Tensor theta, GridSampleMode interpolation)
    {
        var (k, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var t = theta.to(x.dtype, x.device).view(k, 6, 1, 1).unbind(1);
        var cols = arange(w, x.dtype, x.device).mul_(2.0).add_(1.0 - w).div_(w).view(1, 1, w);
        var rows = arange(h, x.dtype, x.device).mul_(2.0).add_(1.0 - h).div_(h).view(1, h, 1);
        var gridX = t[0].mul(cols).add(t[1].mul(rows)).add_(t[2]);
        var gridY = t[3].mul(cols).add(t[4].mul(rows)).add_(t[5]);
        var grid = stack([gridX, gridY], 3);
        return nn.functional.grid_sample(x, grid, interpolation, GridSamplePaddingMode.Zeros, align_corners: false);
    }

    /// <summary>torchvision's <c>_blend</c> in place: <c>a ← ratio·a + (1 − ratio)·b</c>, clamped to [0, 1].</summary>
    private static Tensor Blend(Tensor a, Tensor b, Tensor ratio) =>
        a.mul_(ratio).add_(b.mul(ratio.neg().add(1.0))).clamp_(0.0, 1.0);

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

    /// <summary>The 8-bit values of the image, round(255·x) within 0…255, in place.</summary>
    private static Tensor Quantize(Tensor x) => x.mul_(255.0).round_().clamp_(0.0, 255.0);

    /// <summary>Keeps the <paramref name="bits"/> high bits of each 8-bit value (<c>u &amp; −2^(8−bits)</c>).</summary>
    private static Tensor Posterize(Tensor x, Tensor bits)
    {
        var step = full_like(bits, 2.0).pow_(bits.neg().add_(8.0));
        return Quantize(x).div_(step, RoundingMode.floor).mul_(step).div_(255.0);
    }

    /// <summary>
    /// Inverts the 8-bit values at or above <paramref name="threshold"/> (on the 0…255 scale): u ↦ u + s·(255 − 2u) with
    /// s = clamp(u − ⌈threshold⌉ + 1, 0, 1), which is 1 exactly when the integer u reaches the threshold.
    /// </summary>
    private static Tensor Solarize(Tensor x, Tensor threshold)
    {
        var u = Quantize(x);
        var solarized = u.sub(threshold.ceil()).add_(1.0).clamp_(0.0, 1.0);
        return u.add_(solarized.mul_(u.mul(-2.0).add_(255.0))).div_(255.0);
    }

    /// <summary>
    /// Stretches each channel's 8-bit range to 0…255, truncating as torchvision on uint8: ⌊(u − low)·255 / (high − low)⌋.
    /// A flat channel gets low 0 and range 255, which leaves it as it is.
    /// </summary>
    private static Tensor AutoContrast(Tensor x)
    {
        var u = Quantize(x);
        var low = u.amin([2, 3], keepdim: true);
        var range = u.amax([2, 3], keepdim: true).sub_(low);
        var flat = range.eq(0.0);
        low.masked_fill_(flat, 0.0);
        range.masked_fill_(flat, 255.0);
        return u.sub_(low).mul_(255.0).div_(range, RoundingMode.floor).div_(255.0);
    }

    /// <summary>
    /// PIL's histogram equalisation per image and channel on 8-bit values (torchvision's <c>_scale_channel</c>): a
    /// 256-bin histogram, step = ⌊(pixels − count of the highest value) / 255⌋, lut[v] = ⌊(cdf(v − 1) + ⌊step/2⌋) / step⌋
    /// clamped to 255; a channel with step 0 keeps the identity table.
    /// </summary>
    private static Tensor Equalize(Tensor x)
    {
        var (k, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var u = Quantize(x).to_type(ScalarType.Int64).view(k * c, h * w);
        var histogram = zeros([k * c, 256], x.dtype, x.device).scatter_add_(1, u, ones([1, 1], x.dtype, x.device).expand(u.shape));
        var top = histogram.gather(1, u.amax([1], keepdim: true));
        var step = top.neg_().add_(h * w).div_(255.0, RoundingMode.floor);
        var lut = histogram.cumsum(1).add_(step.div(2.0, RoundingMode.floor)).div_(step.clamp_min(1.0), RoundingMode.floor);
        lut = cat([zeros([k * c, 1], x.dtype, x.device), lut.narrow(1, 0, 255)], 1).clamp_(0.0, 255.0);
        lut = where(step.eq(0.0), arange(256, x.dtype, x.device).view(1, 256), lut);
        return lut.gather(1, u).div_(255.0).view(k, c, h, w);
    }
}
