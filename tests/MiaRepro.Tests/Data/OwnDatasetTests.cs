using FluentAssertions;
using MiaRepro.Data;
using MiaRepro.IO;

namespace MiaRepro.Tests.Data;

/// <summary>Datasets of one's own: NumPy arrays and image folders, read into the layout the trainer takes, and every malformed input refused naming its file.</summary>
public sealed class OwnDatasetTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dataset Load(string name, string folder) => DatasetLoader.Load(name, folder, environmentDataDir: null);

    private static string Problem(string name, string folder)
    {
        var act = () => Load(name, folder);
        return act.Should().Throw<InputException>().Which.Message;
    }

    [Fact]
    public void Npy_images_channels_last_are_read_channels_first_with_their_labels_and_classes()
    {
        // Given RGB images [N, H, W, 3] of 3 classes
        var folder = OwnDatasetFiles.WriteNpy(Path.Combine(_temp.Path, "rgb"), train: 7, test: 4, height: 4, width: 6, channels: 3);

        // When
        var data = Load(DatasetLoader.Npy, folder);

        // Then the shape, classes and labels are the arrays', and pixel (n, c, y, x) is the array's (n, y, x, c)
        (data.Train.Count, data.Train.Channels, data.Train.Height, data.Train.Width, data.Train.Classes).Should().Be((7, 3, 4, 6, 3));
        data.Test.Count.Should().Be(4);
        data.Train.Labels.Should().Equal(0, 1, 2, 0, 1, 2, 0);
        int At(int n, int c, int y, int x) => data.Train.Pixels[(((((n * 3) + c) * 4) + y) * 6) + x];
        At(5, 2, 3, 1).Should().Be((5 + 9 + 5 + 14) % 256);
        At(0, 0, 0, 0).Should().Be(0);
        data.Source.Should().Be(folder);
        data.Train.ClassNames.Should().BeNull("NumPy arrays hold no class names");
        data.Train.ClassText(2).Should().Be("2");
    }

    [Fact]
    public void Npy_images_without_a_channel_axis_are_grayscale()
    {
        var data = Load(DatasetLoader.Npy, OwnDatasetFiles.WriteNpy(Path.Combine(_temp.Path, "gray"), 6, 3, 5, 5));

        (data.Train.Channels, data.Train.Height, data.Train.Width, data.Train.Classes).Should().Be((1, 5, 5, 3));
        data.Train.Pixels[(4 * 25) + (2 * 5) + 3].Should().Be((byte)(4 + 6 + 15));
    }

    [Fact]
    public void Every_malformed_npy_dataset_is_refused_naming_the_file()
    {
        string Fresh(string name) => OwnDatasetFiles.WriteNpy(Path.Combine(_temp.Path, name), 6, 3, 4, 4);

        var floats = Fresh("floats");
        Npy.Write(Path.Combine(floats, "train_images.npy"), NpyArray.Of(new float[6 * 16], 6, 4, 4));
        Problem(DatasetLoader.Npy, floats).Should().Contain(Path.Combine(floats, "train_images.npy")).And.Contain("expected uint8 [N, H, W]");

        var count = Fresh("count");
        Npy.Write(Path.Combine(count, "train_labels.npy"), NpyArray.Of(new long[5], 5));
        Problem(DatasetLoader.Npy, count).Should().Contain(Path.Combine(count, "train_labels.npy")).And.Contain("expected [6]: one label per image");

        var oneClass = Fresh("one-class");
        Npy.Write(Path.Combine(oneClass, "train_labels.npy"), NpyArray.Of(new long[6], 6));
        Problem(DatasetLoader.Npy, oneClass).Should().Contain("train_labels.npy holds one class only");

        var gap = Fresh("gap");
        Npy.Write(Path.Combine(gap, "train_labels.npy"), NpyArray.Of(new long[] { 0, 2, 0, 2, 0, 2 }, 6));
        Problem(DatasetLoader.Npy, gap).Should().Contain("class 1 has no training image");

        var negative = Fresh("negative");
        Npy.Write(Path.Combine(negative, "train_labels.npy"), NpyArray.Of(new long[] { 0, 1, -1, 2, 0, 1 }, 6));
        Problem(DatasetLoader.Npy, negative).Should().Contain("holds the label -1");

        var outside = Fresh("outside");
        Npy.Write(Path.Combine(outside, "test_labels.npy"), NpyArray.Of(new long[] { 0, 1, 7 }, 3));
        Problem(DatasetLoader.Npy, outside).Should().Contain(Path.Combine(outside, "test_labels.npy")).And.Contain("label 7, outside the training labels' classes 0 … 2");

        var shape = Fresh("shape");
        Npy.Write(Path.Combine(shape, "test_images.npy"), NpyArray.Of(new byte[3 * 25], 3, 5, 5));
        Problem(DatasetLoader.Npy, shape).Should().Contain("test_images.npy holds 1×5×5 images but the training images are 1×4×4");

        var missing = Fresh("missing");
        File.Delete(Path.Combine(missing, "test_labels.npy"));
        Problem(DatasetLoader.Npy, missing).Should().Contain(Path.Combine(missing, "test_labels.npy")).And.Contain("does not exist").And.Contain("train_images.npy and test_images.npy");

        var channels = Fresh("channels");
        Npy.Write(Path.Combine(channels, "train_images.npy"), NpyArray.Of(new byte[6 * 16 * 2], 6, 4, 4, 2));
        Problem(DatasetLoader.Npy, channels).Should().Contain("with C = 1 or 3");

        var corrupt = Fresh("corrupt");
        File.WriteAllText(Path.Combine(corrupt, "train_images.npy"), "not an array");
        Problem(DatasetLoader.Npy, corrupt).Should().Contain(Path.Combine(corrupt, "train_images.npy")).And.Contain("not a NumPy .npy file");
    }

    [Fact]
    public void A_folder_of_grayscale_pngs_is_one_channel_and_its_classes_are_the_subfolders_in_name_order()
    {
        // Given 3 classes of 8×8 grayscale PNGs
        var folder = OwnDatasetFiles.WriteImageFolder(Path.Combine(_temp.Path, "gray"), train: 6, test: 3, size: 8);

        // When
        var data = Load(DatasetLoader.ImageFolder, folder);

        // Then images are 1×8×8, ordered by class then file, with their pixels
        (data.Train.Count, data.Train.Channels, data.Train.Height, data.Train.Width, data.Train.Classes).Should().Be((6, 1, 8, 8, 3));
        data.Train.Labels.Should().Equal(0, 0, 1, 1, 2, 2);
        data.Test.Labels.Should().Equal(0, 1, 2);
        data.Train.ClassNames.Should().Equal("class-a", "class-b", "class-c");
        data.Test.ClassText(1).Should().Be("1 (class-b)");
        // class-b's first image is image 1: pixel (y 2, x 3) = 1 + 6 + 15
        data.Train.Pixels[(2 * 64) + (2 * 8) + 3].Should().Be(22);
    }

    [Fact]
    public void A_folder_of_rgb_pngs_is_three_channels_first()
    {
        var folder = OwnDatasetFiles.WriteImageFolder(Path.Combine(_temp.Path, "rgb"), train: 4, test: 2, size: 4, rgb: true, classes: 2);

        var data = Load(DatasetLoader.ImageFolder, folder);

        (data.Train.Channels, data.Train.Classes).Should().Be((3, 2));
        // image 0 (class-a), channel 2, y 1, x 2: 0 + 3 + 10 + 14
        data.Train.Pixels[(2 * 16) + (1 * 4) + 2].Should().Be(27);
    }

    [Fact]
    public void Every_malformed_image_folder_is_refused_naming_the_file_or_folder()
    {
        string Fresh(string name) => OwnDatasetFiles.WriteImageFolder(Path.Combine(_temp.Path, name), 6, 3, 8);

        var sizes = Fresh("sizes");
        var odd = Path.Combine(sizes, "train", "class-b", "00004.png");
        OwnDatasetFiles.WritePng(odd, 9, 8, rgb: false, (_, _, _) => 0);
        Problem(DatasetLoader.ImageFolder, sizes).Should().Contain(odd).And.Contain("is 9×8 pixels but").And.Contain("resize every image to one size");

        var broken = Fresh("broken");
        var garbage = Path.Combine(broken, "train", "class-a", "00000.png");
        File.WriteAllText(garbage, "not a png");
        Problem(DatasetLoader.ImageFolder, broken).Should().Contain(garbage).And.Contain("cannot be decoded");

        var oneClass = OwnDatasetFiles.WriteImageFolder(Path.Combine(_temp.Path, "one"), 4, 2, 8, classes: 1);
        Problem(DatasetLoader.ImageFolder, oneClass).Should().Contain("one class subfolder (class-a)").And.Contain("at least two classes");

        var stranger = Fresh("stranger");
        OwnDatasetFiles.WritePng(Path.Combine(Directory.CreateDirectory(Path.Combine(stranger, "test", "class-z")).FullName, "0.png"), 8, 8, false, (_, _, _) => 0);
        Problem(DatasetLoader.ImageFolder, stranger).Should().Contain(Path.Combine(stranger, "test", "class-z")).And.Contain("a class the training images do not have");

        var loose = Fresh("loose");
        OwnDatasetFiles.WritePng(Path.Combine(loose, "train", "x.png"), 8, 8, false, (_, _, _) => 0);
        Problem(DatasetLoader.ImageFolder, loose).Should().Contain(Path.Combine(loose, "train", "x.png")).And.Contain("subfolder of its class");

        var empty = Fresh("empty");
        Directory.CreateDirectory(Path.Combine(empty, "train", "class-d"));
        Problem(DatasetLoader.ImageFolder, empty).Should().Contain(Path.Combine(empty, "train", "class-d")).And.Contain("holds no PNG or JPEG image");

        var noTest = Fresh("no-test");
        Directory.Delete(Path.Combine(noTest, "test"), recursive: true);
        Problem(DatasetLoader.ImageFolder, noTest).Should().Contain(Path.Combine(noTest, "test")).And.Contain("does not exist");
    }

    [Fact]
    public void A_png_declaring_a_huge_size_is_refused_from_its_header_before_its_pixels_are_decoded()
    {
        // Given a 65-byte PNG whose header declares 30000×30000 pixels (decoded: 2.7 GB)
        var folder = OwnDatasetFiles.WriteImageFolder(Path.Combine(_temp.Path, "huge"), 6, 3, 8);
        var huge = Path.Combine(folder, "train", "class-a", "00000.png");
        File.WriteAllBytes(huge, OwnDatasetFiles.PngHeaderOnly(30_000, 30_000));

        // When the folder is read
        var message = Problem(DatasetLoader.ImageFolder, folder);

        // Then it is refused naming the file and the limit (from the header: no pixel buffer is made for it)
        message.Should().Contain(huge).And.Contain("30000×30000").And.Contain($"1 to {ImageFolderReader.MaxSide} pixels a side");
    }

    [Fact]
    public void Own_datasets_have_no_default_folder_and_say_so()
    {
        var act = () => DatasetLoader.Load(DatasetLoader.ImageFolder, dataDir: null, environmentDataDir: null);

        act.Should().Throw<InputException>().Which.Problems.Should().ContainSingle(p => p.Setting == Setting.DataDir)
            .Which.Message.Should().Contain("no default location").And.Contain("one subfolder per class");
    }
}
