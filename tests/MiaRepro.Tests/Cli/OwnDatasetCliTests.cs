using FluentAssertions;
using MiaRepro.Cli;
using MiaRepro.Data;
using MiaRepro.Tests.Data;

namespace MiaRepro.Tests.Cli;

/// <summary>A user's own data, written as files the way a user would, trains and is attacked from the command line.</summary>
public sealed class OwnDatasetCliTests
{
    [Theory]
    [InlineData("image-folder")]
    [InlineData("npy")]
    public void A_dataset_of_ones_own_trains_and_is_attacked(string dataset)
    {
        // Given 1,300 training images (the smoke scale holds 1,000 out for validation) and 100 test images of 8×8
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "data");
        if (dataset == DatasetLoader.ImageFolder)
        {
            OwnDatasetFiles.WriteImageFolder(folder, train: 1300, test: 100, size: 8, classes: 4);
        }
        else
        {
            OwnDatasetFiles.WriteNpy(folder, train: 1300, test: 100, height: 8, width: 8, channels: 3, classes: 4);
        }

        // When
        var output = CliProcess.Run(
        [
            "reproduce", "--dataset", dataset, "--data-dir", folder, "--recipes", "baseline,crop-flip", "--models", "6",
            "--population", "200", "--epochs", "2", "--threads", "2", "--no-store", "--out", Path.Combine(temp.Path, "out"),
        ]);

        // Then the models trained on its shape and classes, and the attacks scored them
        output.Should().Contain($"{dataset}, recipes baseline, crop-flip");
        var results = CliProcess.Results(Path.Combine(temp.Path, "out"));
        results["dataset"]!.GetValue<string>().Should().Be(dataset);
        results["dataset_source"]!.GetValue<string>().Should().Be(folder);
        var baseline = results["recipes"]!["baseline"]!;
        baseline["models"]!.AsArray().Should().HaveCount(6);
        baseline["attacks"]!["loss"]!["auc"]!.GetValue<double>().Should().BeInRange(0, 1);
        File.Exists(Path.Combine(temp.Path, "out", "populations", "crop-flip", "logits.npy")).Should().BeTrue();
    }

    [Fact]
    public void A_malformed_dataset_of_ones_own_exits_2_naming_the_file()
    {
        using var temp = new TempFolder();
        var folder = OwnDatasetFiles.WriteImageFolder(Path.Combine(temp.Path, "data"), train: 6, test: 3, size: 8);
        var garbage = Path.Combine(folder, "train", "class-b", "00001.png");
        File.WriteAllText(garbage, "not a png");

        var (code, error) = CliRunner.Run("reproduce", "--dataset", "image-folder", "--data-dir", folder, "--out", temp.File("out"));

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain(garbage).And.Contain("cannot be decoded").And.NotContain("   at ");
    }
}
