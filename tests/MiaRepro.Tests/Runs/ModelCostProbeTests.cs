using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Runs;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Runs;

public sealed class ModelCostProbeTests
{
    [Fact]
    public void One_batch_of_resnet_18_reports_positive_finite_costs()
    {
        var cost = ModelCostProbe.Measure(ModelSpec.ResNet18, channels: 3, size: 32, classes: 10, batchSize: 2, batches: 1, CPU);

        cost.Model.Should().Be(ModelSpec.ResNet18);
        cost.Parameters.Should().Be(11_173_962);
        cost.Device.Should().Be("cpu");
        foreach (var value in new[] { cost.Seconds, cost.SecondsPerBatch, cost.ImagesPerSecond })
        {
            double.IsFinite(value).Should().BeTrue();
            value.Should().BePositive();
        }

        cost.ImagesPerSecond.Should().BeApproximately(2 / cost.SecondsPerBatch, 1e-9 * cost.ImagesPerSecond);
    }

    [Fact]
    public void A_probe_without_images_is_rejected()
    {
        var act = () => ModelCostProbe.Measure(ModelSpec.SmallCnn, 1, 28, 10, batchSize: 0, batches: 1, CPU);

        act.Should().Throw<InputException>().WithMessage("*0*");
    }
}
