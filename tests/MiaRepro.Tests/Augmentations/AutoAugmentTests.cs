using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.StepChecks;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

public sealed class AutoAugmentTests
{
    [Theory]
    [InlineData(3, 32)]
    [InlineData(1, 28)]
    public void AutoAugment_keeps_shape_dtype_and_range(int channels, int size)
    {
        using var scope = NewDisposeScope();
        var x = Natural(128, channels, size);

        ShouldKeepShapeDtypeAndRange(x, Run(new AutoAugmentStep(), x, 1));
    }

    [Fact]
    public void The_CIFAR10_policy_has_25_sub_policies_of_two_operations()
    {
        var policy = AutoAugmentStep.Cifar10Policy;

        policy.Should().HaveCount(25);
        policy.SelectMany(p => new[] { p.First, p.Second })
            .Should().OnlyContain(e => e.P >= 0 && e.P <= 1 && e.Bin >= 0 && e.Bin < 10 && e.Op != ImageOp.Identity);
    }

    [Fact]
    public void The_fraction_of_images_changed_is_that_of_images_given_an_operation_by_the_policy()
    {
        // An image is changed when its sub-policy applies at least one operation: 1 − (1 − p1)(1 − p2), averaged over
        // the 25 sub-policies (≈ 0.78). A few applications change nothing (Color at bin 0, Solarize above the
        // image's brightest value), so the observed fraction sits a little below.
        using var scope = NewDisposeScope();
        var x = Natural(1024);
        var applied = AutoAugmentStep.Cifar10Policy.Average(p => 1 - ((1 - p.First.P) * (1 - p.Second.P)));

        var changed = ChangedFraction(x, Run(new AutoAugmentStep(), x, 3));

        applied.Should().BeApproximately(0.777, 0.001);
        changed.Should().BeInRange(applied - 0.10, applied + 0.04);
    }

    [Fact]
    public void AutoAugment_is_seeded() => ShouldBeSeeded(new AutoAugmentStep());
}
