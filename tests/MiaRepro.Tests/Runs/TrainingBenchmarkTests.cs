using MiaRepro.Recipes;
using FluentAssertions;
using MiaRepro.Results;
using MiaRepro.Runs;
using Xunit;

namespace MiaRepro.Tests.Runs;

public sealed class TrainingBenchmarkTests
{
    [Fact]
    public void Throughput_counts_the_images_each_model_trained_on_over_its_epochs()
    {
        // Given the smoke scale cut to 2 models of 100 examples and 2 epochs
        var scale = RunSettings.Profile("smoke", models: 4, population: 100, epochs: 2);

        // When
        var results = TrainingBenchmark.Run(scale, [RecipeCatalog.Create("baseline", scale), RecipeCatalog.Create("early-stop", scale)], models: 2, dataDir: string.Empty, device: "cpu", threads: 1, seed: 3);

        // Then one row per recipe, whose rates follow from its counts
        results.Select(r => r.Recipe).Should().Equal("baseline", "early-stop");
        foreach (var r in results)
        {
            r.Models.Should().Be(2);
            r.Epochs.Should().BeInRange(2, 4, "each of the 2 models runs 1 or 2 epochs");
            r.Images.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(2L * 100 * 2);
            r.ImagesPerSecond.Should().BeApproximately(r.Images / r.Seconds, 1e-9 * r.ImagesPerSecond);
            r.ModelsPerHour.Should().BeApproximately(3600.0 * 2 / r.Seconds, 1e-9 * r.ModelsPerHour);
            (r.Threads, r.Device).Should().Be((1, "cpu"));
        }
    }
}
