using FluentAssertions;
using MiaRepro.Augmentations;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class FlipAndCropTests
{
    private static bool Same(Tensor a, Tensor b) => a.eq(b).all().item<bool>();

    private static Tensor Batch(int n = 256) => arange(n * 28 * 28, dtype: ScalarType.Float32).view(n, 1, 28, 28);

    [Fact]
    public void Flip_mirrors_about_half_the_images_and_leaves_the_rest()
    {
        using var x = Batch();
        using var g = new Generator(1);

        using var y = FlipStep.Flip(x, g);

        using var mirrored = x.flip(3);
        var flipped = 0;
        for (var i = 0; i < 256; i++)
        {
            var same = Same(y[i], x[i]);
            var mirror = Same(y[i], mirrored[i]);
            (same ^ mirror).Should().BeTrue($"image {i} is either kept or mirrored");
            flipped += mirror ? 1 : 0;
        }

        flipped.Should().BeInRange(100, 156);
    }

    [Fact]
    public void Crop_keeps_shape_and_shifts_each_image_within_the_padding()
    {
        using var x = Batch(64);
        using var g = new Generator(2);

        using var y = CropStep.Crop(x, 4, g);

        y.shape.Should().Equal(64, 1, 28, 28);
        var changed = 0;
        for (var i = 0; i < 64; i++)
        {
            changed += Same(y[i], x[i]) ? 0 : 1;
        }

        changed.Should().BeGreaterThan(48, "only 1 in 81 offsets is the identity");
        // Reflect padding: every output pixel comes from the image itself, so values stay in the image's range.
        y.min().item<float>().Should().BeGreaterThanOrEqualTo(0);
        y.max().item<float>().Should().BeLessThan(64 * 28 * 28);
    }

    [Fact]
    public void Crop_offset_zero_is_a_pure_shift_of_the_interior()
    {
        // With padding 1 an image shifted by (dy, dx) ∈ {-1,0,1}² keeps its 26×26 centre somewhere inside.
        using var x = Batch(32);
        using var g = new Generator(3);

        using var y = CropStep.Crop(x, 1, g);

        for (var i = 0; i < 32; i++)
        {
            var centre = y[i, 0, 1..27, 1..27];
            var found = false;
            for (var dy = -1; dy <= 1 && !found; dy++)
            {
                for (var dx = -1; dx <= 1 && !found; dx++)
                {
                    found = Same(centre, x[i, 0, (1 + dy)..(27 + dy), (1 + dx)..(27 + dx)]);
                }
            }

            found.Should().BeTrue($"image {i} is a shift of the original");
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_batch_and_another_seed_another()
    {
        using var x = Batch(64);
        var augmentation = new Augmentation([new CropStep(4), new FlipStep()]);

        using var labels = zeros(64, dtype: ScalarType.Int64);
        using var a = augmentation.Apply(x, labels, new Generator(9)).Images;
        using var b = augmentation.Apply(x, labels, new Generator(9)).Images;
        using var c = augmentation.Apply(x, labels, new Generator(10)).Images;

        Same(a, b).Should().BeTrue();
        Same(a, c).Should().BeFalse();
    }

    [Fact]
    public void Identity_augmentation_returns_the_batch_unchanged()
    {
        using var x = Batch(8);

        using var labels = zeros(8, dtype: ScalarType.Int64);
        var y = Augmentation.None.Apply(x, labels, new Generator(1));

        y.MixedLabels.Should().BeNull();

        Same(y.Images, x).Should().BeTrue();
    }
}
