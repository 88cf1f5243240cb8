using System.Diagnostics;
using FluentAssertions;
using MiaRepro.Data;

namespace MiaRepro.Tests.Data;

/// <summary>Reads the real Fashion-MNIST installed by the Debian package <c>dataset-fashion-mnist</c>.</summary>
public sealed class FashionMnistTests
{
    private const string Folder = "/usr/share/datasets/fashion-mnist";

    [Fact]
    public void Installed_fashion_mnist_has_60000_train_and_10000_test_images_of_28_by_28_in_10_balanced_classes()
    {
        // Given the Debian package's folder
        if (!Directory.Exists(Folder))
        {
            Assert.Skip($"{Folder} is absent: install the Debian package dataset-fashion-mnist to run this test.");
        }

        // When Fashion-MNIST is loaded from its default location
        var watch = Stopwatch.StartNew();
        var dataset = DatasetLoader.Load("fashion-mnist", dataDir: null, environmentDataDir: null);
        watch.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"Fashion-MNIST loaded in {watch.Elapsed.TotalMilliseconds:F0} ms");

        // Then it has the published shape and balance
        dataset.Source.Should().Be(Folder);
        (dataset.Train.Count, dataset.Train.Channels, dataset.Train.Height, dataset.Train.Width, dataset.Train.Classes)
            .Should().Be((60000, 1, 28, 28, 10));
        (dataset.Test.Count, dataset.Test.Height, dataset.Test.Width).Should().Be((10000, 28, 28));
        dataset.Train.Pixels.Length.Should().Be(60000 * 28 * 28);
        dataset.Train.Labels.GroupBy(l => l).Should().HaveCount(10).And.OnlyContain(g => g.Count() == 6000);
        dataset.Test.Labels.GroupBy(l => l).Should().HaveCount(10).And.OnlyContain(g => g.Count() == 1000);
    }
}
