using FluentAssertions;
using MiaRepro.Data;

namespace MiaRepro.Tests.Data;

public sealed class CifarReaderTests : IDisposable
{
    private const int Image = 3072;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cifar10_batches_round_trip_in_file_order_as_chw_images()
    {
        // Given five training batches of 3 records and a test batch of 4
        var (pixels, labels) = DataFiles.WriteCifar10(_temp.Path, perBatch: 3, testCount: 4);

        // When CIFAR-10 is read
        var dataset = CifarReader.ReadCifar10(_temp.Path);

        // Then the training records are the batches concatenated in order, pixels as written, labels as written
        dataset.Name.Should().Be("cifar10");
        dataset.Train.Pixels.Should().Equal(pixels);
        dataset.Train.Labels.Should().Equal(labels.Select(l => (long)l));
        (dataset.Train.Count, dataset.Train.Channels, dataset.Train.Height, dataset.Train.Width, dataset.Train.Classes)
            .Should().Be((15, 3, 32, 32, 10));
        dataset.Test.Count.Should().Be(4);
        dataset.Test.Labels.Should().Equal(9L, 8L, 7L, 6L);
    }

    [Fact]
    public void Cifar10_record_pixels_are_red_green_blue_planes_of_row_major_32_by_32()
    {
        // Given a record whose byte at plane c, row y, column x encodes (c, y, x)
        var pixels = new byte[Image];
        pixels[(0 * 1024) + (2 * 32) + 5] = 11; // red, row 2, column 5
        pixels[(1 * 1024) + (31 * 32) + 0] = 22; // green, row 31, column 0
        pixels[(2 * 1024) + (0 * 32) + 31] = 33; // blue, row 0, column 31
        var path = DataFiles.Write(_temp.File("one.bin"), DataFiles.Cifar10Records([7], pixels));

        // When it is read
        var set = CifarReader.ReadCifar10Files([path]);

        // Then [channel, height, width] indexes find the same bytes
        int At(int c, int y, int x) => set.Pixels[(c * 32 * 32) + (y * 32) + x];
        (At(0, 2, 5), At(1, 31, 0), At(2, 0, 31)).Should().Be((11, 22, 33));
        set.Labels.Should().Equal(7L);
    }

    [Fact]
    public void Cifar100_keeps_the_fine_label_and_has_100_classes()
    {
        // Given CIFAR-100 train and test files with distinct coarse and fine labels
        var pixels = DataFiles.Pixels(3 * Image, seed: 4);
        DataFiles.Write(_temp.File("train.bin"), DataFiles.Cifar100Records([19, 0, 5], [99, 42, 0], pixels));
        DataFiles.Write(_temp.File("test.bin"), DataFiles.Cifar100Records([1], [3], DataFiles.Pixels(Image)));

        // When CIFAR-100 is read
        var dataset = CifarReader.ReadCifar100(_temp.Path);

        // Then the fine labels are kept, the pixels are exact and there are 100 classes
        dataset.Name.Should().Be("cifar100");
        dataset.Train.Labels.Should().Equal(99L, 42L, 0L);
        dataset.Train.Pixels.Should().Equal(pixels);
        dataset.Train.Classes.Should().Be(100);
        dataset.Test.Labels.Should().Equal(3L);
    }

    [Fact]
    public void Cifar10_is_found_in_its_usual_subfolder()
    {
        // Given the archive extracted into the folder as cifar-10-batches-bin/
        var folder = Path.Combine(_temp.Path, "cifar-10-batches-bin");
        DataFiles.WriteCifar10(folder, perBatch: 1, testCount: 1);

        // When CIFAR-10 is read from the parent
        var dataset = CifarReader.ReadCifar10(_temp.Path);

        // Then it is read from the subfolder
        (dataset.Source, dataset.Train.Count, dataset.Test.Count).Should().Be((folder, 5, 1));
    }

    [Fact]
    public void Cifar100_is_found_in_its_usual_subfolder()
    {
        // Given the archive extracted into the folder as cifar-100-binary/
        DataFiles.Write(_temp.File("cifar-100-binary", "train.bin"), DataFiles.Cifar100Records([0], [0], DataFiles.Pixels(Image)));
        DataFiles.Write(_temp.File("cifar-100-binary", "test.bin"), DataFiles.Cifar100Records([0], [0], DataFiles.Pixels(Image)));

        // When CIFAR-100 is read from the parent, then it is read from the subfolder
        CifarReader.ReadCifar100(_temp.Path).Source.Should().Be(Path.Combine(_temp.Path, "cifar-100-binary"));
    }

    [Fact]
    public void Cifar_file_that_is_not_a_whole_number_of_records_is_rejected_naming_it()
    {
        // Given a training batch missing its last byte
        DataFiles.WriteCifar10(_temp.Path, perBatch: 2, testCount: 1);
        var batch = _temp.File("data_batch_3.bin");
        File.WriteAllBytes(batch, File.ReadAllBytes(batch)[..^1]);

        // When CIFAR-10 is read, then the error names the file, the record size and the binary version
        FluentActions.Invoking(() => CifarReader.ReadCifar10(_temp.Path))
            .Should().Throw<InputException>()
            .WithMessage($"*{batch} is 6145 bytes, not a whole number of 3073-byte CIFAR-10 records*binary version*");
    }

    [Fact]
    public void Empty_cifar_file_is_rejected()
    {
        // Given an empty test batch
        DataFiles.WriteCifar10(_temp.Path, perBatch: 1, testCount: 1);
        File.WriteAllBytes(_temp.File("test_batch.bin"), []);

        // When CIFAR-10 is read, then the error names the file
        FluentActions.Invoking(() => CifarReader.ReadCifar10(_temp.Path))
            .Should().Throw<InputException>().WithMessage($"*{_temp.File("test_batch.bin")} is 0 bytes*");
    }

    [Fact]
    public void Cifar10_label_out_of_range_is_rejected_naming_the_file_and_record()
    {
        // Given a record labelled 10
        var path = DataFiles.Write(_temp.File("bad.bin"), DataFiles.Cifar10Records([3, 10], DataFiles.Pixels(2 * Image)));

        // When it is read, then the error names the file, the record and the range
        FluentActions.Invoking(() => CifarReader.ReadCifar10Files([path]))
            .Should().Throw<InputException>().WithMessage($"*{path} record 1 has label 10, outside 0..9*");
    }

    [Theory]
    [InlineData(20, 0, "coarse label 20, outside 0..19")]
    [InlineData(0, 100, "label 100, outside 0..99")]
    public void Cifar100_label_out_of_range_is_rejected(byte coarse, byte fine, string expected)
    {
        // Given a CIFAR-100 record with an impossible label
        var path = DataFiles.Write(_temp.File("train.bin"), DataFiles.Cifar100Records([coarse], [fine], DataFiles.Pixels(Image)));

        // When it is read, then the error names the file and the label
        FluentActions.Invoking(() => CifarReader.ReadCifar100Files([path]))
            .Should().Throw<InputException>().WithMessage($"*{path} record 0 has {expected}*");
    }

    [Fact]
    public void Cifar10_file_read_as_cifar100_is_rejected()
    {
        // Given two CIFAR-10 records (2 × 3073 bytes, not a multiple of CIFAR-100's 3074)
        var path = DataFiles.Write(_temp.File("train.bin"), DataFiles.Cifar10Records([1, 2], DataFiles.Pixels(2 * Image)));

        // When it is read as CIFAR-100, then the error names the file and the CIFAR-100 record size
        FluentActions.Invoking(() => CifarReader.ReadCifar100Files([path]))
            .Should().Throw<InputException>().WithMessage($"*{path}*3074-byte CIFAR-100 records*");
    }

    [Fact]
    public void Missing_cifar_file_is_rejected_naming_it_and_the_expected_layout()
    {
        // Given a CIFAR-10 folder without its fourth batch
        DataFiles.WriteCifar10(_temp.Path, perBatch: 1, testCount: 1);
        File.Delete(_temp.File("data_batch_4.bin"));

        // When CIFAR-10 is read, then the error names the missing file and lists the expected files
        FluentActions.Invoking(() => CifarReader.ReadCifar10(_temp.Path))
            .Should().Throw<InputException>()
            .WithMessage($"*{_temp.File("data_batch_4.bin")} does not exist*binary version*cifar-10-batches-bin*data_batch_1.bin*test_batch.bin*");
    }

    [Fact]
    public void Empty_folder_is_rejected_listing_every_missing_cifar100_file()
    {
        // Given an empty folder
        // When CIFAR-100 is read, then the error names both missing files and the --data-dir fix
        FluentActions.Invoking(() => CifarReader.ReadCifar100(_temp.Path))
            .Should().Throw<InputException>()
            .WithMessage($"*{_temp.File("train.bin")}, {_temp.File("test.bin")} do not exist*name a data folder*");
    }
}
