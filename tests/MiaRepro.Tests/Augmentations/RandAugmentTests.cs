using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.StepChecks;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class RandAugmentTests
{
    [Theory]
    [InlineData(3, 32)]
    [InlineData(1, 28)]
    public void RandAugment_keeps_shape_dtype_and_range(int channels, int size)
    {
        using var scope = NewDisposeScope();
        var x = Natural(128, channels, size);

        ShouldKeepShapeDtypeAndRange(x, Run(new RandAugmentStep(), x, 1));
        ShouldKeepShapeDtypeAndRange(x, Run(new RandAugmentStep(3, 30), x, 1));
    }

    [Fact]
    public void Two_operations_at_magnitude_9_change_nearly_every_image()
    {
        // Both draws are Identity for 1 in 196 images; a few more draws change nothing (Solarize above the brightest value).
        using var scope = NewDisposeScope();
        var x = Natural(1024);

        ChangedFraction(x, Run(new RandAugmentStep(), x, 3)).Should().BeInRange(0.94, 0.995);
    }

    [Fact]
    public void At_magnitude_0_only_AutoContrast_and_Equalize_change_an_image()
    {
        // Bin 0 is the identity for every other operation (no shear, shift, turn or enhancement, 8 bits, threshold 255):
        // one operation changes 2 images in 14.
        using var scope = NewDisposeScope();
        var x = Natural(2048);

        ChangedFraction(x, Run(new RandAugmentStep(1, 0), x, 4)).Should().BeApproximately(2.0 / 14.0, 0.025);
    }

    [Fact]
    public void Zero_operations_is_the_identity()
    {
        using var scope = NewDisposeScope();
        var x = Natural(16);

        Same(Run(new RandAugmentStep(0), x, 1), x).Should().BeTrue();
    }

    [Fact]
    public void A_magnitude_outside_the_31_bins_is_rejected()
    {
        using var x = Natural(2);

        var act = () => Run(new RandAugmentStep(2, 31), x, 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RandAugment_is_seeded() => ShouldBeSeeded(new RandAugmentStep());
}
