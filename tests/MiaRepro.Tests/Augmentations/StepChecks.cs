using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

/// <summary>Checks every augmentation step must pass: its contract on shapes, range and seeding.</summary>
internal static class StepChecks
{
    public static Tensor Run(AugmentationStep step, Tensor images, ulong seed) =>
        step.Apply(new AugmentedBatch(images, Ids(images.shape[0])), new Generator(seed)).Images;

    public static void ShouldKeepShapeDtypeAndRange(Tensor x, Tensor y)
    {
        y.shape.Should().Equal(x.shape);
        y.dtype.Should().Be(x.dtype);
        y.device.type.Should().Be(x.device.type);
        y.min().item<float>().Should().BeGreaterThanOrEqualTo(-1f);
        y.max().item<float>().Should().BeLessThanOrEqualTo(1f);
        y.isnan().any().item<bool>().Should().BeFalse();
    }

    public static void ShouldBeSeeded(AugmentationStep step)
    {
        using var scope = NewDisposeScope();
        var x = Natural(64);
        var original = x.clone();

        var a = Run(step, x, 9);
        var b = Run(step, x, 9);
        var c = Run(step, x, 10);

        Same(a, b).Should().BeTrue($"{step.Name}: same seed, same batch");
        Same(a, c).Should().BeFalse($"{step.Name}: another seed, another batch");
        Same(x, original).Should().BeTrue($"{step.Name} leaves its input batch alone");
    }
}
