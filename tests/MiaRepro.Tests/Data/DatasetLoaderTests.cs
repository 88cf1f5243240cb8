using FluentAssertions;
using MiaRepro.Data;

namespace MiaRepro.Tests.Data;

public sealed class DatasetLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Names_are_the_four_published_datasets_and_the_two_layouts_of_ones_own()
    {
        DatasetLoader.Names.Should().Equal("fashion-mnist", "mnist", "cifar10", "cifar100", "npy", "image-folder");
    }

    [Fact]
    public void Unknown_dataset_name_is_rejected_listing_the_valid_names()
    {
        // When an unknown dataset is asked for, then the error names it and lists the valid names
        FluentActions.Invoking(() => DatasetLoader.Load("imagenet", dataDir: null, environmentDataDir: null))
            .Should().Throw<InputException>()
            .WithMessage("*unknown dataset 'imagenet'*fashion-mnist, mnist, cifar10, cifar100*");
    }

    [Fact]
    public void Data_dir_option_wins_over_the_environment_variable()
    {
        // Given both --data-dir and MIAREPRO_DATA
        // When the folder is resolved, then --data-dir is used
        DatasetLoader.ResolveDirectory("cifar10", "/from/option", "/from/env")
            .Should().Be(new DataDirectory("/from/option", DataDirectoryOrigin.Option));
    }

    [Fact]
    public void Environment_variable_is_used_when_no_data_dir_is_given()
    {
        DatasetLoader.ResolveDirectory("fashion-mnist", null, "/from/env")
            .Should().Be(new DataDirectory("/from/env", DataDirectoryOrigin.Environment));
    }

    [Theory]
    [InlineData("fashion-mnist", "/usr/share/datasets/fashion-mnist")]
    [InlineData("mnist", "/usr/share/datasets/mnist")]
    public void Default_folder_is_used_when_neither_is_given(string name, string folder)
    {
        DatasetLoader.ResolveDirectory(name, "  ", "").Should().Be(new DataDirectory(folder, DataDirectoryOrigin.Default));
    }

    [Theory]
    [InlineData("cifar10", "CIFAR-10")]
    [InlineData("cifar100", "CIFAR-100")]
    public void Cifar_without_a_folder_is_rejected_saying_how_to_give_one(string name, string displayName)
    {
        FluentActions.Invoking(() => DatasetLoader.ResolveDirectory(name, null, null))
            .Should().Throw<InputException>()
            .WithMessage($"*{displayName} has no default location*binary version*name a data folder (or set MIAREPRO_DATA)*");
    }

    [Fact]
    public void Missing_fashion_mnist_folder_is_rejected_with_the_install_command()
    {
        // Given a folder that does not exist, from MIAREPRO_DATA
        var missing = Path.Combine(_temp.Path, "nowhere");

        // When Fashion-MNIST is loaded, then the error names the folder, its origin and both fixes
        FluentActions.Invoking(() => DatasetLoader.Load("fashion-mnist", null, missing))
            .Should().Throw<InputException>()
            .WithMessage(
                $"data_dir {missing}: Fashion-MNIST not found: the folder does not exist (given by MIAREPRO_DATA). Install it with " +
                "`sudo apt-get install dataset-fashion-mnist`, or name a data folder (or set MIAREPRO_DATA) " +
                "holding train-images-idx3-ubyte.gz*");
    }

    [Fact]
    public void Data_dir_that_is_a_file_is_rejected()
    {
        var file = DataFiles.Write(_temp.File("not-a-folder"), [1, 2, 3]);

        FluentActions.Invoking(() => DatasetLoader.Load("mnist", file, null))
            .Should().Throw<InputException>().WithMessage($"data_dir {file}: is a file, not a folder (the folder given)*");
    }

    [Fact]
    public void Idx_dataset_loads_from_the_data_dir_option_and_ignores_the_environment()
    {
        // Given MNIST-format files in the --data-dir folder and a bogus MIAREPRO_DATA
        DataFiles.WriteIdxSplit(_temp.Path, "train", [0, 1, 2, 3], rows: 28, columns: 28, gzip: true);
        DataFiles.WriteIdxSplit(_temp.Path, "t10k", [4, 5], rows: 28, columns: 28, gzip: true);

        // When MNIST is loaded
        var dataset = DatasetLoader.Load("mnist", _temp.Path, "/does/not/exist");

        // Then it comes from --data-dir
        (dataset.Name, dataset.Source, dataset.Train.Count, dataset.Test.Count).Should().Be(("mnist", _temp.Path, 4, 2));
    }

    [Fact]
    public void Dataset_names_are_matched_ignoring_case_and_reported_in_their_canonical_form()
    {
        // Given MNIST-format files
        DataFiles.WriteIdxSplit(_temp.Path, "train", [1], rows: 2, columns: 2, gzip: false);
        DataFiles.WriteIdxSplit(_temp.Path, "t10k", [2], rows: 2, columns: 2, gzip: false);

        // When they are loaded as " MNIST ", then the dataset is named "mnist"
        DatasetLoader.Load(" MNIST ", _temp.Path, null).Name.Should().Be("mnist");
    }

    [Fact]
    public void Fashion_mnist_names_its_classes_in_the_documented_order_and_mnist_needs_none()
    {
        // Given IDX files read as Fashion-MNIST and as MNIST
        DataFiles.WriteIdxSplit(_temp.Path, "train", [6, 9], rows: 2, columns: 2, gzip: false);
        DataFiles.WriteIdxSplit(_temp.Path, "t10k", [0], rows: 2, columns: 2, gzip: false);

        // Then
        var fashion = DatasetLoader.Load("fashion-mnist", _temp.Path, null);
        fashion.Train.ClassText(6).Should().Be("6 (Shirt)");
        fashion.Test.ClassText(9).Should().Be("9 (Ankle boot)");
        DatasetLoader.Load("mnist", _temp.Path, null).Train.ClassNames.Should().BeNull();
    }

    [Fact]
    public void Cifar10_loads_from_the_environment_variable()
    {
        // Given CIFAR-10 extracted under the MIAREPRO_DATA folder
        DataFiles.WriteCifar10(Path.Combine(_temp.Path, "cifar-10-batches-bin"), perBatch: 2, testCount: 3);

        // When CIFAR-10 is loaded without --data-dir
        var dataset = DatasetLoader.Load("cifar10", null, _temp.Path);

        // Then it is read from the usual subfolder
        (dataset.Name, dataset.Train.Count, dataset.Test.Count).Should().Be(("cifar10", 10, 3));
    }

    [Fact]
    public void Corrupt_fashion_mnist_file_is_rejected_with_the_reinstall_command()
    {
        // Given a Fashion-MNIST folder whose test labels are truncated
        DataFiles.WriteIdxSplit(_temp.Path, "train", [0, 1], rows: 2, columns: 2, gzip: true);
        DataFiles.WriteIdxSplit(_temp.Path, "t10k", [2, 3], rows: 2, columns: 2, gzip: false);
        var labels = _temp.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(labels, File.ReadAllBytes(labels)[..^1]);

        // When it is loaded, then the error names the file and the package to re-install
        FluentActions.Invoking(() => DatasetLoader.Load("fashion-mnist", _temp.Path, null))
            .Should().Throw<InputException>()
            .WithMessage($"*{labels} is truncated*sudo apt-get install --reinstall dataset-fashion-mnist*name a data folder*");
    }
}
