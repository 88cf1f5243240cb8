using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class CutoutTests
{
    /// <summary>Per image: the bounding box (rows × columns) of the pixels set to 0, and how many there are.</summary>
    private static (long Rows, long Cols, long Count)[] Holes(Tensor y)
    {
        var zero = y.eq(0.0).select(1, 0);
        var rows = zero.any(2).sum(1);
        var cols = zero.any(1).sum(1);
        var count = zero.flatten(1).sum(1);
        return [.. Enumerable.Range(0, (int)y.shape[0]).Select(i => (rows[i].item<long>(), cols[i].item<long>(), count[i].item<long>()))];
    }

    [Fact]
    public void Cutout_keeps_shape_dtype_and_range_and_changes_every_image()
    {
        using var scope = NewDisposeScope();
        var x = Natural(256);

        var y = CutoutStep.Cutout(x, 16, new Generator(1));

        y.shape.Should().Equal(x.shape);
        y.dtype.Should().Be(ScalarType.Float32);
        y.min().item<float>().Should().BeGreaterThanOrEqualTo(-1f);
        y.max().item<float>().Should().BeLessThanOrEqualTo(1f);
        ChangedFraction(x, y).Should().Be(1.0, "0 (mid-grey) is not an 8-bit level of [−1, 1], so every square shows");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    public void The_hole_is_a_Size_square_when_inside_and_a_clipped_rectangle_at_the_borders(int size)
    {
        using var scope = NewDisposeScope();
        var x = ones(512, 3, 32, 32);

        var y = CutoutStep.Cutout(x, size, new Generator(2));

        var holes = Holes(y);
        holes.Should().OnlyContain(h => h.Count == h.Rows * h.Cols, "the hole is one axis-aligned rectangle");
        holes.Should().OnlyContain(h => h.Rows <= size && h.Cols <= size && h.Rows >= size - (size / 2) && h.Cols >= size - (size / 2));
        var inside = holes.Count(h => h.Count == size * size) / 512.0;
        var p = (32.0 - size + 1) / 32.0;
        inside.Should().BeApproximately(p * p, 0.08, "a centre is uniform over the pixels, the square fully inside for 33 − Size of 32 rows and columns");
        y.eq(0.0).all(1).eq(y.eq(0.0).any(1)).all().item<bool>().Should().BeTrue("all channels are cut alike");
    }

    [Fact]
    public void Same_seed_gives_the_same_holes_and_another_seed_others()
    {
        using var scope = NewDisposeScope();
        var x = Natural(64);
        var step = new CutoutStep(16);

        var a = step.Apply(new AugmentedBatch(x, Ids(64)), new Generator(9)).Images;
        var b = step.Apply(new AugmentedBatch(x, Ids(64)), new Generator(9)).Images;
        var c = step.Apply(new AugmentedBatch(x, Ids(64)), new Generator(10)).Images;

        Same(a, b).Should().BeTrue();
        Same(a, c).Should().BeFalse();
    }

    [Fact]
    public void A_non_positive_size_is_rejected()
    {
        using var x = zeros(2, 1, 28, 28);

        var act = () => CutoutStep.Cutout(x, 0, new Generator(1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
