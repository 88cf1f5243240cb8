using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Tests.Training;

public sealed class EarlyStopperTests
{
    private static nn.Module<Tensor, Tensor> Model() => nn.Linear(2, 1);

    [Fact]
    public void Loss_monitor_stops_after_patience_epochs_without_an_improvement_beyond_min_delta()
    {
        using var model = Model();
        var stopper = new EarlyStopper(new EarlyStopping(Patience: 2, MinDelta: 0.05, RestoreBestWeights: false));

        stopper.Observe(1, loss: 1.00, accuracy: 0.5, model);
        stopper.Observe(2, loss: 0.90, accuracy: 0.5, model); // improvement of 0.10 > 0.05: best
        stopper.Observe(3, loss: 0.87, accuracy: 0.9, model); // 0.03 ≤ 0.05: not an improvement
        stopper.ShouldStop.Should().BeFalse();
        stopper.Observe(4, loss: 0.86, accuracy: 0.9, model);

        stopper.ShouldStop.Should().BeTrue();
        stopper.BestEpoch.Should().Be(2);
        stopper.BestLoss.Should().Be(0.90);
        stopper.Finish(model, lastEpoch: 4).Should().Be(4, "without restoring, the model keeps its last weights");
    }

    [Fact]
    public void Accuracy_monitor_counts_higher_accuracy_as_better_and_records_the_loss_at_the_best_epoch()
    {
        using var model = Model();
        var stopper = new EarlyStopper(new EarlyStopping(1, 0, false, StopMonitor.ValidationAccuracy));

        stopper.Observe(1, loss: 0.5, accuracy: 0.70, model);
        stopper.Observe(2, loss: 0.9, accuracy: 0.80, model); // worse loss, better accuracy: best
        stopper.Observe(3, loss: 0.1, accuracy: 0.75, model);

        stopper.ShouldStop.Should().BeTrue();
        stopper.BestEpoch.Should().Be(2);
        stopper.BestLoss.Should().Be(0.9);
    }

    [Fact]
    public void Restoring_puts_back_the_best_epochs_weights_and_reports_that_epoch()
    {
        using var model = Model();
        var stopper = new EarlyStopper(new EarlyStopping(Patience: 1, MinDelta: 0, RestoreBestWeights: true));
        var weight = model.parameters().First();
        using (no_grad())
        {
            weight.fill_(1.0);
        }

        stopper.Observe(1, loss: 0.3, accuracy: 0.9, model);
        using (no_grad())
        {
            weight.fill_(7.0);
        }

        stopper.Observe(2, loss: 0.4, accuracy: 0.9, model);
        var epoch = stopper.Finish(model, lastEpoch: 2);

        epoch.Should().Be(1);
        weight.eq(1.0).all().item<bool>().Should().BeTrue();
    }
}
