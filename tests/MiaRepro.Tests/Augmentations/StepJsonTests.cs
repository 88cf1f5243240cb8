using System.Text.Json;
using FluentAssertions;
using MiaRepro.Augmentations;

namespace MiaRepro.Tests.Augmentations;

/// <summary>A step's JSON (which enters the recipe hash) names the step and holds every parameter.</summary>
public sealed class StepJsonTests
{
    private static string Json(AugmentationStep step) => JsonSerializer.Serialize(step);

    public static TheoryData<AugmentationStep, AugmentationStep> Variants => new()
    {
        { new CutoutStep(16), new CutoutStep(8) },
        { new RandAugmentStep(), new RandAugmentStep(Ops: 3) },
        { new RandAugmentStep(), new RandAugmentStep(Magnitude: 14) },
        { new AugMixStep(), new AugMixStep(Severity: 5) },
        { new AugMixStep(), new AugMixStep(Width: 2) },
        { new AugMixStep(), new AugMixStep(Depth: 2) },
        { new AugMixStep(), new AugMixStep(Alpha: 0.5) },
        { new MixUpStep(), new MixUpStep(0.2) },
        { new CutMixStep(), new CutMixStep(0.5) },
        { new MixUpStep(), new CutMixStep() },
        { new AutoAugmentStep(), new TrivialAugmentStep() },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Steps_with_different_parameters_serialise_differently(AugmentationStep a, AugmentationStep b)
    {
        Json(a).Should().NotBe(Json(b));
        Json(a).Should().Be(Json(a with { }), "equal steps give equal JSON");
    }

    [Fact]
    public void Every_step_carries_its_name_and_round_trips()
    {
        AugmentationStep[] steps =
        [
            new FlipStep(), new CropStep(4), new CutoutStep(16), new AutoAugmentStep(), new RandAugmentStep(),
            new TrivialAugmentStep(), new AugMixStep(), new MixUpStep(), new CutMixStep(),
        ];

        foreach (var step in steps)
        {
            var json = Json(step);

            json.Should().Contain($"\"step\":\"{step.Name}\"");
            json.Should().NotContain("MixesBatch").And.NotContain("\"Name\"");
            JsonSerializer.Deserialize<AugmentationStep>(json).Should().Be(step);
        }
    }
}
