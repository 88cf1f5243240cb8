using FluentAssertions;
using MiaRepro.Augmentations;
using static MiaRepro.Tests.Augmentations.StepChecks;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

/// <summary>What MixUp and CutMix share: a permutation of the batch, one λ per batch, and the mixed loss.</summary>
public sealed class BatchMixingTests
{
    private static AugmentationStep Step(string name, double alpha = 1.0) =>
        name == MixUpStep.StepName ? new MixUpStep(alpha) : new CutMixStep(alpha);

    [Theory]
    [InlineData(MixUpStep.StepName)]
    [InlineData(CutMixStep.StepName)]
    public void Mixed_labels_are_a_permutation_of_the_labels_and_lambda_is_a_weight(string name)
    {
        using var scope = NewDisposeScope();
        var x = Natural(64);
        var labels = randint(10, [64], generator: new Generator(3));

        for (ulong seed = 1; seed <= 20; seed++)
        {
            var batch = Step(name).Apply(new AugmentedBatch(x, labels), new Generator(seed));

            batch.Lambda.Should().BeInRange(0.0, 1.0);
            batch.MixedLabels.Should().NotBeNull();
            batch.MixedLabels!.sort().Values.eq(labels.sort().Values).all().item<bool>().Should().BeTrue();
            ShouldKeepShapeDtypeAndRange(x, batch.Images);
        }
    }

    [Theory]
    [InlineData(MixUpStep.StepName)]
    [InlineData(CutMixStep.StepName)]
    public void The_loss_is_lambda_times_the_own_labels_loss_plus_the_rest_times_the_partners(string name)
    {
        using var scope = NewDisposeScope();
        var g = new Generator(5);
        var x = Natural(32);
        var labels = randint(10, [32], generator: g);
        var logits = randn([32, 10], generator: g);
        var batch = Step(name).Apply(new AugmentedBatch(x, labels), new Generator(6));

        var loss = batch.Loss(logits, labelSmoothing: 0.0).item<float>();

        var logp = nn.functional.log_softmax(logits, 1);
        double CrossEntropy(Tensor y) => -logp.gather(1, y.view(-1, 1)).mean().item<float>();
        var expected = (batch.Lambda * CrossEntropy(labels)) + ((1 - batch.Lambda) * CrossEntropy(batch.MixedLabels!));
        batch.Lambda.Should().BeInRange(0.01, 0.99, "this seed mixes");
        loss.Should().BeApproximately((float)expected, 1e-5f);
    }

    [Theory]
    [InlineData(MixUpStep.StepName)]
    [InlineData(CutMixStep.StepName)]
    public void Alpha_zero_leaves_the_batch_unmixed(string name)
    {
        using var scope = NewDisposeScope();
        var x = Natural(16);

        var batch = Step(name, alpha: 0.0).Apply(new AugmentedBatch(x, Ids(16)), new Generator(1));

        batch.Lambda.Should().Be(1.0);
        Same(batch.Images, x).Should().BeTrue();
    }

    [Theory]
    [InlineData(MixUpStep.StepName)]
    [InlineData(CutMixStep.StepName)]
    public void Same_seed_gives_the_same_mix_and_another_seed_another(string name)
    {
        using var scope = NewDisposeScope();
        var x = Natural(64);
        AugmentedBatch Mix(ulong seed) => Step(name).Apply(new AugmentedBatch(x, Ids(64)), new Generator(seed));

        var (a, b, c) = (Mix(9), Mix(9), Mix(10));

        Same(a.Images, b.Images).Should().BeTrue();
        Same(a.MixedLabels!, b.MixedLabels!).Should().BeTrue();
        a.Lambda.Should().Be(b.Lambda);
        Same(a.Images, c.Images).Should().BeFalse();
        Same(a.MixedLabels!, c.MixedLabels!).Should().BeFalse();
    }

    [Theory]
    [InlineData(MixUpStep.StepName)]
    [InlineData(CutMixStep.StepName)]
    public void A_pipeline_ending_in_a_mixing_step_carries_its_targets(string name)
    {
        using var scope = NewDisposeScope();
        var x = Natural(32);
        var augmentation = new Augmentation([new CropStep(4), new FlipStep(), Step(name)]);

        var batch = augmentation.Apply(x, Ids(32), new Generator(4));

        batch.MixedLabels.Should().NotBeNull();
        batch.Lambda.Should().BeLessThan(1.0);
    }
}
