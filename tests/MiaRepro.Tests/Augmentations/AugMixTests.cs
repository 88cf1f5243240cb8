using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.StepChecks;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class AugMixTests
{
    [Theory]
    [InlineData(3, 32)]
    [InlineData(1, 28)]
    public void AugMix_keeps_shape_dtype_and_range(int channels, int size)
    {
        using var scope = NewDisposeScope();
        var x = Natural(128, channels, size);

        ShouldKeepShapeDtypeAndRange(x, Run(new AugMixStep(), x, 1));
        ShouldKeepShapeDtypeAndRange(x, Run(new AugMixStep(Severity: 10, Width: 1, Depth: 3, Alpha: 0.3), x, 1));
    }

    [Fact]
    public void AugMix_changes_every_image_but_keeps_it_close_to_the_original()
    {
        // The output is a convex blend of the image and its chains, so it changes (the weights are continuous) but
        // moves less than a single chain would: the mean absolute change stays well below AutoAugment's.
        using var scope = NewDisposeScope();
        var x = Natural(512);

        var mixed = Run(new AugMixStep(), x, 3);
        var autoAugmented = Run(new AutoAugmentStep(), x, 3);

        ChangedFraction(x, mixed).Should().BeGreaterThan(0.99);
        mixed.sub(x).abs().mean().item<float>().Should().BeLessThan(autoAugmented.sub(x).abs().mean().item<float>());
    }

    [Theory]
    [InlineData(0, 3, -1, 1.0)]
    [InlineData(11, 3, -1, 1.0)]
    [InlineData(3, 0, -1, 1.0)]
    [InlineData(3, 3, 0, 1.0)]
    [InlineData(3, 3, -2, 1.0)]
    [InlineData(3, 3, -1, 0.0)]
    public void Parameters_outside_torchvisions_ranges_are_rejected(int severity, int width, int depth, double alpha)
    {
        using var x = Natural(2);

        var act = () => Run(new AugMixStep(severity, width, depth, alpha), x, 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AugMix_is_seeded() => ShouldBeSeeded(new AugMixStep());
}
