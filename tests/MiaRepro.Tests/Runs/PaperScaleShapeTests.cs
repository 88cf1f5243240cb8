using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Runs;

/// <summary>
/// The paper-scale path without a GPU: the paper profile's model (ResNet-18), recipe ("all": crop, mirror,
/// AutoAugment, Cutout, early stopping) and pooled CIFAR split, shrunk to a few tiny batches on CPU.
/// </summary>
public sealed class PaperScaleShapeTests
{
    [Fact]
    public void Paper_profile_trains_resnet_18_on_pooled_cifar_and_the_store_then_supplies_every_model()
    {
        // Given a tiny CIFAR-10 folder (5 × 16 training and 16 test images, pooled to 96) and the paper profile shrunk
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "cifar");
        DataFiles.WriteCifar10(data, perBatch: 16, testCount: 16);
        var scale = ScaleProfile.Paper with
        {
            Models = 6, Population = 32, Validation = 8, Test = 8, Epochs = 2, BatchSize = 8, Patience = 1,
        };
        var settings = new RunSettings(
            scale, "cifar10", data, "cpu", ["all"], Seed: 3, Out: temp.File("out"), Threads: 2,
            Store: Path.Combine(temp.Path, "store"), BootstrapReplicates: 10);

        // When the reproduction runs twice
        var first = Reproduction.Run(settings);
        var second = Reproduction.Run(settings);

        // Then every model is a CIFAR ResNet-18 with pooled, well-shaped outputs
        var trained = first.Recipes["all"].Trained;
        trained.Recipe.Model.Should().Be(ModelSpec.ResNet18);
        trained.Recipe.Augmentation.ToString().Should().Be("crop+flip+autoaugment+cutout");
        var p = trained.Population;
        (p.Models, p.Examples, p.Queries, p.Classes).Should().Be((6, 32, 2, 10));
        p.Scores.Should().HaveCount(6 * 32 * 2).And.OnlyContain(s => double.IsFinite(s));
        p.Logits.Should().HaveCount(6 * 32 * 2 * 10);
        trained.Models.Should().OnlyContain(m => m.StopEpoch >= 1 && m.StopEpoch <= 2 && m.Members > 0);
        trained.Models.Sum(m => m.Members).Should().Be(6 * 32 / 2, "each example is IN for exactly half the models");
        first.Recipes["all"].Attacks.Should().ContainKey(scale.LiraAttack, "six models leave every target two IN and two OUT shadows");

        // and the second run trained nothing and found the same numbers
        trained.Store.Trained.Should().Be(6);
        second.Recipes["all"].Trained.Store.Should().BeEquivalentTo(new { Reused = 6, Trained = 0 });
        second.Recipes["all"].Trained.Population.Scores.Should().Equal(p.Scores);
    }
}
