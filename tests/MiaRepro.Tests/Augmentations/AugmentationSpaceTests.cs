using FluentAssertions;
using MiaRepro.Augmentations;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

/// <summary>The magnitude tables of the policies, against torchvision's <c>_augmentation_space</c>.</summary>
public sealed class AugmentationSpaceTests
{
    private static float[] Magnitudes(AugmentationSpace space, ImageOp op)
    {
        using var scope = NewDisposeScope();
        var bins = arange(space.Bins, dtype: ScalarType.Int64);
        var ops = full(space.Bins, (long)op, dtype: ScalarType.Int64);
        return [.. space.Magnitudes(ops, bins, zeros(space.Bins, dtype: ScalarType.Bool)).data<float>()];
    }

    [Fact]
    public void AutoAugment_on_32_pixels_has_10_bins_up_to_torchvisions_maxima()
    {
        var space = AugmentationSpace.AutoAugment(32, 32);

        space.Bins.Should().Be(10);
        space.Ops.Should().HaveCount(14).And.Contain(ImageOp.Invert).And.NotContain(ImageOp.Identity);
        Magnitudes(space, ImageOp.TranslateX)[9].Should().BeApproximately(150f / 331f * 32f, 1e-4f);
        Magnitudes(space, ImageOp.ShearY)[8].Should().BeApproximately(0.3f * 8 / 9, 1e-6f);
        Magnitudes(space, ImageOp.Rotate)[2].Should().BeApproximately(30f * 2 / 9, 1e-5f);
        Magnitudes(space, ImageOp.Posterize).Should().Equal(8, 8, 7, 7, 6, 6, 5, 5, 4, 4);
        Magnitudes(space, ImageOp.Solarize)[0].Should().Be(255f);
        Magnitudes(space, ImageOp.Solarize)[9].Should().Be(0f);
        Magnitudes(space, ImageOp.Equalize).Should().OnlyContain(m => m == 0f);
    }

    [Fact]
    public void RandAugment_draws_uniformly_among_14_operations_including_Identity()
    {
        var space = AugmentationSpace.RandAugment(31, 32, 32);
        using var ops = space.DrawOps(14_000, new Generator(3));

        space.Ops.Should().HaveCount(14).And.Contain(ImageOp.Identity).And.NotContain(ImageOp.Invert);
        using var counts = ops.bincount(null, Enum.GetValues<ImageOp>().Length);
        foreach (var op in space.Ops)
        {
            counts[(long)op].item<long>().Should().BeInRange(850, 1150, $"{op} has probability 1/14");
        }

        Magnitudes(space, ImageOp.Posterize)[9].Should().Be(7f, "8 − round(9 / 7.5)");
        Magnitudes(space, ImageOp.Rotate)[9].Should().BeApproximately(9f, 1e-5f);
    }

    [Fact]
    public void TrivialAugmentWide_uses_the_wide_ranges()
    {
        var space = AugmentationSpace.TrivialAugmentWide(31);

        Magnitudes(space, ImageOp.TranslateX)[30].Should().Be(32f);
        Magnitudes(space, ImageOp.Rotate)[30].Should().Be(135f);
        Magnitudes(space, ImageOp.ShearX)[30].Should().BeApproximately(0.99f, 1e-6f);
        Magnitudes(space, ImageOp.Brightness)[30].Should().BeApproximately(0.99f, 1e-6f);
        Magnitudes(space, ImageOp.Posterize)[0].Should().Be(8f);
        Magnitudes(space, ImageOp.Posterize)[30].Should().Be(2f);
    }

    [Fact]
    public void AugMix_has_13_operations_and_posterizes_from_4_bits_down()
    {
        var space = AugmentationSpace.AugMix(32, 32);

        space.Ops.Should().HaveCount(13).And.NotContain([ImageOp.Identity, ImageOp.Invert]);
        space.Bins.Should().Be(11);
        Magnitudes(space, ImageOp.Posterize).Should().Equal(4, 4, 3, 3, 2, 2, 2, 1, 1, 0, 0);
        Magnitudes(space, ImageOp.TranslateY)[10].Should().BeApproximately(32f / 3f, 1e-5f);
    }

    [Fact]
    public void Signed_magnitudes_are_negated_about_half_the_time_and_unsigned_never()
    {
        var space = AugmentationSpace.RandAugment(31, 32, 32);
        var g = new Generator(5);
        using var bins = full(4000, 9L, dtype: ScalarType.Int64);

        using var rotate = space.DrawSigned(full(4000, (long)ImageOp.Rotate, dtype: ScalarType.Int64), bins, g);
        using var solarize = space.DrawSigned(full(4000, (long)ImageOp.Solarize, dtype: ScalarType.Int64), bins, g);

        rotate.lt(0).sum().item<long>().Should().BeInRange(1850, 2150);
        rotate.abs().eq(rotate.abs()[0]).all().item<bool>().Should().BeTrue();
        solarize.lt(0).any().item<bool>().Should().BeFalse();
    }
}
