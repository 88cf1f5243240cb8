using FluentAssertions;
using MiaRepro.Data;

namespace MiaRepro.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private static readonly byte[] _labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 0];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Idx_split_round_trips_pixels_labels_and_shape(bool gzip)
    {
        // Given a split of 12 images of 5×4 pixels, gzipped or raw
        var pixels = DataFiles.WriteIdxSplit(_temp.Path, "train", _labels, rows: 5, columns: 4, gzip);

        // When it is read
        var set = IdxReader.ReadSplit(_temp.Path, "train");

        // Then pixels, labels and shape are exactly what was written
        set.Pixels.Should().Equal(pixels);
        set.Labels.Should().Equal(_labels.Select(l => (long)l));
        (set.Count, set.Channels, set.Height, set.Width, set.Classes).Should().Be((12, 1, 5, 4, 10));
    }

    [Fact]
    public void Gzip_is_detected_by_its_magic_bytes_not_by_the_file_name()
    {
        // Given gzipped content in files without .gz
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(2, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]), gzip: true);
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([3, 4]), gzip: false);

        // When they are read
        var set = IdxReader.Read(images, labels);

        // Then the images are gunzipped and the raw labels read as they are
        set.Pixels.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        set.Labels.Should().Equal(3L, 4L);
    }

    [Fact]
    public void Raw_content_in_a_gz_named_file_is_read_as_raw()
    {
        // Given raw IDX content in files named .gz
        DataFiles.WriteIdxSplit(_temp.Path, "t10k", [1, 2], rows: 3, columns: 3, gzip: false);
        File.Move(_temp.File("t10k-images-idx3-ubyte"), _temp.File("t10k-images-idx3-ubyte.gz"));

        // When the split is read
        var set = IdxReader.ReadSplit(_temp.Path, "t10k");

        // Then it reads as raw
        set.Count.Should().Be(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncated_idx_image_file_is_rejected_naming_the_file(bool gzip)
    {
        // Given an images file one byte shorter than its header announces
        var content = DataFiles.IdxImages(3, 4, 4, DataFiles.Pixels(48));
        var images = DataFiles.Write(_temp.File("images"), content[..^1], gzip);
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1, 2, 3]));

        // When it is read
        var read = () => IdxReader.Read(images, labels);

        // Then the error names the file and says it is truncated
        read.Should().Throw<InputException>().WithMessage($"*{images}*truncated*3 images of 4×4*");
    }

    [Fact]
    public void Truncated_idx_label_file_is_rejected_naming_the_file()
    {
        // Given a labels file announcing 3 labels but holding 2
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(3, 2, 2, DataFiles.Pixels(12)));
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.Idx(0x801, [3], [1, 2]));

        // When it is read
        var read = () => IdxReader.Read(images, labels);

        // Then the error names the labels file
        read.Should().Throw<InputException>().WithMessage($"*{labels}*truncated*3 labels*");
    }

    [Fact]
    public void Idx_file_truncated_inside_its_header_is_rejected()
    {
        // Given an images file that stops after its magic number and one dimension
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(3, 2, 2, [])[..8]);
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1, 2, 3]));

        // When it is read, then the error names the file and its header
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{images}*truncated inside its IDX header*");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Idx_image_file_with_trailing_bytes_is_rejected(bool gzip)
    {
        // Given an images file with two bytes after the last image
        var content = DataFiles.IdxImages(2, 2, 2, DataFiles.Pixels(8));
        var images = DataFiles.Write(_temp.File("images"), [.. content, 0, 0], gzip);
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1, 2]));

        // When it is read
        var read = () => IdxReader.Read(images, labels);

        // Then the error names the file and the extra bytes
        read.Should().Throw<InputException>().WithMessage($"*{images}*2 unexpected*bytes after*");
    }

    [Fact]
    public void Idx_file_with_a_bad_magic_number_is_rejected()
    {
        // Given a file whose first bytes are not an IDX magic number
        var images = DataFiles.Write(_temp.File("images"), DataFiles.Idx(0x12345678, [1, 1, 1], [0]));
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1]));

        // When it is read, then the error names the file, what was found and what was expected
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>()
            .WithMessage($"*{images}*does not start with an IDX magic number*0x12345678*0x00000803*");
    }

    [Fact]
    public void Idx_file_of_another_data_type_is_rejected()
    {
        // Given an images file of 32-bit integers (type 0x0C)
        var images = DataFiles.Write(_temp.File("images"), DataFiles.Idx(0x00000C03, [1, 1, 1], [0, 0, 0, 0]));
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1]));

        // When it is read, then the error says unsigned bytes were expected
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{images}*type 0x0C*unsigned bytes*");
    }

    [Fact]
    public void Labels_file_given_as_images_is_rejected_for_its_dimension_count()
    {
        // Given the labels file passed where the images file belongs
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1, 2]));

        // When it is read, then the error names the file, the dimensions and the likely mix-up
        FluentActions.Invoking(() => IdxReader.Read(labels, labels))
            .Should().Throw<InputException>()
            .WithMessage($"*{labels}*has 1 dimensions, expected 3*looks like a labels file*");
    }

    [Fact]
    public void Images_file_given_as_labels_is_rejected_for_its_dimension_count()
    {
        // Given the images file passed where the labels file belongs
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(1, 1, 1, [5]));

        // When it is read, then the error names the file and the expected dimensions
        FluentActions.Invoking(() => IdxReader.Read(images, images))
            .Should().Throw<InputException>()
            .WithMessage($"*{images}*has 3 dimensions, expected 1*looks like an images file*");
    }

    [Fact]
    public void Image_and_label_count_mismatch_is_rejected_naming_both_files()
    {
        // Given 3 images and 2 labels
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(3, 2, 2, DataFiles.Pixels(12)));
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1, 2]));

        // When they are read, then the error names both files and both counts
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{images} holds 3 images but {labels} announces 2 labels*");
    }

    [Fact]
    public void A_labels_header_announcing_two_billion_labels_is_refused_before_anything_is_allocated()
    {
        // Given 3 images and a labels file whose header claims 0x7fffffff labels (it holds 3)
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(3, 2, 2, DataFiles.Pixels(12)));
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.Idx(0x801, [int.MaxValue], [1, 2, 3]));

        // When they are read, then the count is refused naming both files (no OutOfMemoryException)
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{images} holds 3 images but {labels} announces 2147483647 labels*");
    }

    [Fact]
    public void Label_out_of_range_is_rejected_naming_the_file_and_index()
    {
        // Given a label of 10 at index 1
        var images = DataFiles.Write(_temp.File("images"), DataFiles.IdxImages(2, 1, 1, [0, 0]));
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([9, 10]));

        // When it is read, then the error names the file, the label and its index
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{labels}*label 10 at index 1*outside 0..9*");
    }

    [Fact]
    public void Corrupt_gzip_is_rejected_as_an_input_error_naming_the_file()
    {
        // Given a file with the gzip magic bytes followed by garbage
        byte[] garbage = [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0xff, 0xff, 0xff, 0xff, 0x00, 0x13];
        var images = DataFiles.Write(_temp.File("images.gz"), garbage);
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels([1]));

        // When it is read, then an InputException (not InvalidDataException) names the file
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{images}*corrupt gzip*")
            .WithInnerException<InvalidDataException>();
    }

    [Fact]
    public void Gzip_stream_corrupted_in_the_middle_is_rejected_as_an_input_error()
    {
        // Given a valid gzip file with bytes flipped inside its compressed data
        var gzipped = DataFiles.Gzip(DataFiles.IdxImages(50, 10, 10, DataFiles.Pixels(5000)));
        for (var i = 20; i < gzipped.Length - 10; i += 7)
        {
            gzipped[i] ^= 0x5a;
        }

        var images = DataFiles.Write(_temp.File("images.gz"), gzipped);
        var labels = DataFiles.Write(_temp.File("labels"), DataFiles.IdxLabels(new byte[50]));

        // When it is read, then the failure is an InputException naming the file
        FluentActions.Invoking(() => IdxReader.Read(images, labels))
            .Should().Throw<InputException>().WithMessage($"*{images}*");
    }

    [Fact]
    public void Missing_idx_file_is_rejected_naming_the_expected_file()
    {
        // Given a folder with the images of a split but not its labels
        DataFiles.WriteIdxSplit(_temp.Path, "train", [1, 2], rows: 2, columns: 2, gzip: true);
        File.Delete(_temp.File("train-labels-idx1-ubyte.gz"));

        // When the split is read, then the error names the missing file
        FluentActions.Invoking(() => IdxReader.ReadSplit(_temp.Path, "train"))
            .Should().Throw<InputException>()
            .WithMessage($"*{Path.Combine(_temp.Path, "train-labels-idx1-ubyte")}.gz*does not exist*");
    }

    [Fact]
    public void Idx_dataset_is_found_in_a_subfolder_named_after_it()
    {
        // Given a parent folder holding fashion-mnist/ with both splits
        var folder = Path.Combine(_temp.Path, "fashion-mnist");
        DataFiles.WriteIdxSplit(folder, "train", [1, 2, 3], rows: 2, columns: 2, gzip: true);
        DataFiles.WriteIdxSplit(folder, "t10k", [4], rows: 2, columns: 2, gzip: false);

        // When the dataset is read from the parent
        var dataset = IdxReader.ReadDataset("fashion-mnist", _temp.Path);

        // Then both splits come from the subfolder
        (dataset.Name, dataset.Source, dataset.Train.Count, dataset.Test.Count).Should().Be(("fashion-mnist", folder, 3, 1));
    }
}
