using FluentAssertions;
using MiaRepro.Augmentations;
using TorchSharp;
using static MiaRepro.Tests.Augmentations.TestImages;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Augmentations;

/// <summary>Native memory is not the GC's: a step must dispose its temporaries and hand out only its results.</summary>
public sealed class StepLifetimeTests
{
    public static TheoryData<AugmentationStep> Steps =>
    [
        new CutoutStep(8), new AutoAugmentStep(), new RandAugmentStep(), new TrivialAugmentStep(), new AugMixStep(),
        new MixUpStep(), new CutMixStep(),
    ];

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_step_leaves_only_its_results_alive_in_the_callers_scope(AugmentationStep step)
    {
        using var x = Natural(32);
        using var labels = Ids(32);
        var generator = new Generator(1);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        long during;
        using (NewDisposeScope())
        {
            var batch = step.Apply(new AugmentedBatch(x, labels), generator);
            during = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            batch.Images.shape.Should().Equal(x.shape);
        }

        var results = step.MixesBatch ? 2 : 1;
        during.Should().Be(before + results, "the images (and mixed labels) are the only tensors a step hands out");
        DisposeScopeManager.Statistics.ThreadTotalLiveCount.Should().Be(before);
    }
}
