using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

/// <summary>Known answers of the policy operations on tiny hand-made images in [0, 1].</summary>
public sealed class ImageOpsTests
{
    private static Tensor Apply(Tensor unit, ImageOp op, double magnitude, GridSampleMode mode = GridSampleMode.Nearest)
    {
        var n = unit.shape[0];
        return ImageOps.Apply(unit, full(n, (long)op, dtype: ScalarType.Int64), full(n, (float)magnitude, dtype: ScalarType.Float32), mode);
    }

    private static int[] Bytes(Tensor unit) =>
        [.. unit.mul(255.0).round().to_type(ScalarType.Int32).flatten().data<int>()];

    private static Tensor Ramp() => Unit8(16, 16, (r, c) => (16 * r) + c);

    private static Tensor Numbered(int size = 8) => Unit8(size, size, (r, c) => 1 + (size * r) + c);

    [Fact]
    public void Invert_maps_each_8_bit_value_to_its_complement()
    {
        using var scope = NewDisposeScope();
        var x = Ramp();

        var y = Apply(x, ImageOp.Invert, 0);

        Bytes(y).Should().Equal(Enumerable.Range(0, 256).Select(u => 255 - u));
    }

    [Fact]
    public void Solarize_inverts_exactly_the_values_at_or_above_the_threshold()
    {
        using var scope = NewDisposeScope();
        var x = Ramp();

        var y = Apply(x, ImageOp.Solarize, 128);

        Bytes(y).Should().Equal(Enumerable.Range(0, 256).Select(u => u >= 128 ? 255 - u : u));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(0)]
    public void Posterize_keeps_the_high_bits_of_each_8_bit_value(int bits)
    {
        using var scope = NewDisposeScope();
        var x = Ramp();

        var y = Apply(x, ImageOp.Posterize, bits);

        var mask = bits == 0 ? 0 : 0xFF & ~((1 << (8 - bits)) - 1);
        Bytes(y).Should().Equal(Enumerable.Range(0, 256).Select(u => u & mask));
    }

    [Fact]
    public void Equalize_spreads_a_two_level_image_to_black_and_white()
    {
        using var scope = NewDisposeScope();
        var x = Unit8(28, 28, (_, c) => c < 14 ? 50 : 200);

        var y = Apply(x, ImageOp.Equalize, 0);

        Bytes(y).Should().Equal(Enumerable.Range(0, 28 * 28).Select(i => i % 28 < 14 ? 0 : 255));
    }

    [Fact]
    public void Equalize_follows_PILs_lookup_table_on_three_levels()
    {
        // 784 pixels: 300 at 10, 300 at 20, 184 at 30. step = ⌊(784 − 184) / 255⌋ = 2;
        // lut[v] = ⌊(cdf(v − 1) + 1) / 2⌋: 10 → 0, 20 → 150, 30 → 300 clamped to 255.
        using var scope = NewDisposeScope();
        var x = Unit8(28, 28, (r, c) => ((28 * r) + c) switch { < 300 => 10, < 600 => 20, _ => 30 });

        var y = Apply(x, ImageOp.Equalize, 0);

        Bytes(y).Should().Equal(Enumerable.Range(0, 784).Select(i => i switch { < 300 => 0, < 600 => 150, _ => 255 }));
    }

    [Fact]
    public void Equalize_leaves_a_flat_histogram_and_a_flat_image_unchanged()
    {
        using var scope = NewDisposeScope();
        var ramp = Ramp();
        var flat = Unit8(16, 16, (_, _) => 77);

        Bytes(Apply(ramp, ImageOp.Equalize, 0)).Should().Equal(Bytes(ramp));
        Bytes(Apply(flat, ImageOp.Equalize, 0)).Should().Equal(Bytes(flat));
    }

    [Fact]
    public void AutoContrast_stretches_each_channel_to_the_full_range_truncating()
    {
        using var scope = NewDisposeScope();
        var wide = Unit8(4, 4, (r, c) => 50 + (100 * ((4 * r) + c) / 15));
        var flat = Unit8(4, 4, (_, _) => 90);
        var x = cat([wide, flat], 1);

        var y = Apply(x, ImageOp.AutoContrast, 0);

        var expected = Bytes(wide).Select(u => (u - 50) * 255 / 100).Concat(Bytes(flat));
        Bytes(y).Should().Equal(expected);
    }

    [Theory]
    [InlineData(nameof(ImageOp.TranslateX), 3.0, 0, 3)]
    [InlineData(nameof(ImageOp.TranslateX), -2.0, 0, -2)]
    [InlineData(nameof(ImageOp.TranslateY), 2.9, 2, 0)]
    [InlineData(nameof(ImageOp.TranslateY), -1.5, -1, 0)]
    public void Translate_shifts_by_whole_pixels_and_fills_black(string op, double magnitude, int down, int right)
    {
        using var scope = NewDisposeScope();
        var x = Numbered();

        var y = Apply(x, Enum.Parse<ImageOp>(op), magnitude);

        var source = Bytes(x);
        var expected = Enumerable.Range(0, 64).Select(i =>
        {
            var (r, c) = ((i / 8) - down, (i % 8) - right);
            return r is >= 0 and < 8 && c is >= 0 and < 8 ? source[(8 * r) + c] : 0;
        });
        Bytes(y).Should().Equal(expected, $"{op} by {magnitude} moves the image by int({magnitude}) pixels");
    }

    [Theory]
    [InlineData(GridSampleMode.Nearest)]
    [InlineData(GridSampleMode.Bilinear)]
    public void Rotate_by_90_degrees_is_a_counter_clockwise_quarter_turn(GridSampleMode mode)
    {
        using var scope = NewDisposeScope();
        var x = Numbered();

        var y = Apply(x, ImageOp.Rotate, 90, mode);

        Bytes(y).Should().Equal(Bytes(x.rot90(1, (2, 3))));
    }

    [Fact]
    public void Rotate_by_a_small_angle_keeps_the_centre_and_blackens_corners()
    {
        using var scope = NewDisposeScope();
        var x = Unit8(32, 32, (_, _) => 200);

        var y = Apply(x, ImageOp.Rotate, 30);

        Bytes(y[0, 0, 16, 16]).Should().Equal(200);
        Bytes(y[0, 0, 0, 0]).Should().Equal(0);
        Bytes(y[0, 0, 31, 31]).Should().Equal(0);
    }

    [Fact]
    public void ShearX_shifts_each_row_by_m_times_its_distance_from_the_top()
    {
        // torchvision shears about the top-left corner: output (r, c) reads column c + m·(r + ½), nearest.
        using var scope = NewDisposeScope();
        var x = Numbered();

        var y = Apply(x, ImageOp.ShearX, 0.25);

        var source = Bytes(x);
        var expected = Enumerable.Range(0, 64).Select(i =>
        {
            var r = i / 8;
            var c = (i % 8) + (int)Math.Round(0.25 * (r + 0.5));
            return c < 8 ? source[(8 * r) + c] : 0;
        });
        Bytes(y).Should().Equal(expected);
    }

    [Fact]
    public void ShearY_shifts_each_column_by_m_times_its_distance_from_the_left()
    {
        using var scope = NewDisposeScope();
        var x = Numbered();

        var y = Apply(x, ImageOp.ShearY, -0.25);

        var source = Bytes(x);
        var expected = Enumerable.Range(0, 64).Select(i =>
        {
            var c = i % 8;
            var r = (i / 8) + (int)Math.Round(-0.25 * (c + 0.5));
            return r >= 0 ? source[(8 * r) + c] : 0;
        });
        Bytes(y).Should().Equal(expected);
    }

    [Fact]
    public void Brightness_scales_by_one_plus_the_magnitude_and_clamps()
    {
        using var scope = NewDisposeScope();
        var x = Ramp();

        var brighter = Apply(x, ImageOp.Brightness, 0.5);
        var darker = Apply(x, ImageOp.Brightness, -0.5);

        Same(brighter, x.mul(1.5).clamp(0.0, 1.0)).Should().BeTrue();
        Same(darker, x.mul(0.5)).Should().BeTrue();
    }

    [Fact]
    public void Color_is_the_identity_on_one_channel_and_grayscale_at_factor_zero()
    {
        using var scope = NewDisposeScope();
        var gray = Ramp();
        var rgb = cat([Ramp(), Ramp().flip(3), Ramp().flip(2)], 1);

        var onGray = Apply(gray, ImageOp.Color, -0.9);
        var desaturated = Apply(rgb, ImageOp.Color, -1.0);

        Same(onGray, gray).Should().BeTrue();
        var luma = rgb[0, 0].mul(0.2989).add(rgb[0, 1].mul(0.587)).add(rgb[0, 2].mul(0.114));
        for (var c = 0; c < 3; c++)
        {
            desaturated[0, c].sub(luma).abs().max().item<float>().Should().BeLessThan(1e-6f);
        }
    }

    [Fact]
    public void Contrast_at_factor_zero_gives_the_mean_everywhere()
    {
        using var scope = NewDisposeScope();
        var x = Ramp();

        var y = Apply(x, ImageOp.Contrast, -1.0);

        y.sub(x.mean()).abs().max().item<float>().Should().BeLessThan(1e-6f);
    }

    [Fact]
    public void Sharpness_at_factor_zero_is_PILs_smoothing_filter_inside_and_keeps_the_border()
    {
        using var scope = NewDisposeScope();
        var x = Unit8(8, 8, (r, c) => r == 3 && c == 3 ? 255 : 0).add(Unit8(8, 8, (r, c) => r == 0 && c == 5 ? 130 : 0));

        var y = Apply(x, ImageOp.Sharpness, -1.0);

        y[0, 0, 3, 3].item<float>().Should().BeApproximately(5f / 13f, 1e-6f);
        y[0, 0, 2, 2].item<float>().Should().BeApproximately(1f / 13f, 1e-6f);
        y[0, 0, 4, 3].item<float>().Should().BeApproximately(1f / 13f, 1e-6f);
        y[0, 0, 5, 5].item<float>().Should().Be(0f);
        y[0, 0, 0, 5].item<float>().Should().Be(130f / 255f, "border pixels are not filtered");
        Same(Apply(x, ImageOp.Sharpness, 0.0), x).Should().BeTrue("factor 1 is the identity");
    }

    [Fact]
    public void Each_image_gets_its_own_operation_and_magnitude()
    {
        using var scope = NewDisposeScope();
        var x = ImageOps.ToUnit(Natural(5));
        ImageOp[] ops = [ImageOp.Invert, ImageOp.Identity, ImageOp.TranslateX, ImageOp.Posterize, ImageOp.Rotate];
        float[] magnitudes = [0, 0, -5, 3, 12];

        var y = ImageOps.Apply(x, tensor(ops.Select(o => (long)o).ToArray()), tensor(magnitudes), GridSampleMode.Nearest);

        for (var i = 0; i < ops.Length; i++)
        {
            var alone = Apply(x[i..(i + 1)], ops[i], magnitudes[i]);
            Same(y[i..(i + 1)], alone).Should().BeTrue($"image {i} got {ops[i]} {magnitudes[i]}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_operation_keeps_shape_dtype_and_the_unit_range(int channels)
    {
        using var scope = NewDisposeScope();
        var x = ImageOps.ToUnit(Natural(6, channels, channels == 1 ? 28 : 32));

        foreach (var op in Enum.GetValues<ImageOp>())
        {
            foreach (var magnitude in new[] { -0.99, 0.99, 0.0, 4.0, 30.0, 200.0 })
            {
                var y = Apply(x, op, op == ImageOp.Posterize ? Math.Clamp(Math.Abs(magnitude), 0, 8) : magnitude);

                y.shape.Should().Equal(x.shape);
                y.dtype.Should().Be(ScalarType.Float32);
                y.min().item<float>().Should().BeGreaterThanOrEqualTo(0f, $"{op} {magnitude}");
                y.max().item<float>().Should().BeLessThanOrEqualTo(1f, $"{op} {magnitude}");
            }
        }
    }
}
