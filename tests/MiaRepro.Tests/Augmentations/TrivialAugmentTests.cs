using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.StepChecks;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class TrivialAugmentTests
{
    [Theory]
    [InlineData(3, 32)]
    [InlineData(1, 28)]
    public void TrivialAugment_keeps_shape_dtype_and_range(int channels, int size)
    {
        using var scope = NewDisposeScope();
        var x = Natural(128, channels, size);

        ShouldKeepShapeDtypeAndRange(x, Run(new TrivialAugmentStep(), x, 1));
    }

    [Fact]
    public void One_operation_at_a_random_magnitude_changes_most_images()
    {
        // Identity is 1 draw in 14; bin 0 of 31 is the identity for the other operations, as are Posterize's
        // 8-bit bins (3 of 31) and Solarize's thresholds above an image's brightest value: about 0.87 change.
        using var scope = NewDisposeScope();
        var x = Natural(1024);

        ChangedFraction(x, Run(new TrivialAugmentStep(), x, 3)).Should().BeInRange(0.80, 0.92);
    }

    [Fact]
    public void TrivialAugment_is_named_for_the_wide_variant() =>
        new TrivialAugmentStep().Name.Should().Be("trivialaugment-wide");

    [Fact]
    public void TrivialAugment_is_seeded() => ShouldBeSeeded(new TrivialAugmentStep());
}
