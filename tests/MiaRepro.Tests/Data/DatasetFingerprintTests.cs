using FluentAssertions;
using MiaRepro.Data;

namespace MiaRepro.Tests.Data;

public sealed class DatasetFingerprintTests
{
    private static ImageSet Set(byte[] pixels, long[] labels) => new(pixels, labels, 1, 2, 2, 10);

    private static Dataset Sample(string source = "/a") =>
        new("mnist", Set([1, 2, 3, 4, 5, 6, 7, 8], [1, 2]), Set([9, 9, 9, 9], [3]), source);

    [Fact]
    public void Fingerprint_is_a_sha256_hex_string()
    {
        Sample().Fingerprint.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Same_data_read_from_another_place_has_the_same_fingerprint()
    {
        Sample("/a").Fingerprint.Should().Be(Sample("/elsewhere").Fingerprint);
    }

    [Fact]
    public void Changing_one_pixel_changes_the_fingerprint()
    {
        // Given two datasets differing in one training pixel
        var changed = Sample() with { Train = Set([1, 2, 3, 4, 5, 6, 7, 0], [1, 2]) };

        // Then their fingerprints differ
        changed.Fingerprint.Should().NotBe(Sample().Fingerprint);
    }

    [Fact]
    public void Changing_one_label_changes_the_fingerprint()
    {
        var changed = Sample() with { Test = Set([9, 9, 9, 9], [4]) };

        changed.Fingerprint.Should().NotBe(Sample().Fingerprint);
    }

    [Fact]
    public void Same_bytes_in_another_shape_change_the_fingerprint()
    {
        var sample = Sample();
        var reshaped = sample with { Train = sample.Train with { Height = 1, Width = 4 } };

        reshaped.Fingerprint.Should().NotBe(sample.Fingerprint);
    }

    [Fact]
    public void Moving_an_image_from_train_to_test_changes_the_fingerprint()
    {
        // Given the same three images split 2/1 and 1/2
        var twoOne = Sample();
        var oneTwo = twoOne with { Train = Set([1, 2, 3, 4], [1]), Test = Set([5, 6, 7, 8, 9, 9, 9, 9], [2, 3]) };

        // Then their fingerprints differ
        oneTwo.Fingerprint.Should().NotBe(twoOne.Fingerprint);
    }

    [Fact]
    public void Image_set_fingerprint_depends_on_its_content_only()
    {
        DatasetFingerprint.Of(Set([1, 2, 3, 4], [5])).Should().Be(DatasetFingerprint.Of(Set([1, 2, 3, 4], [5])))
            .And.NotBe(DatasetFingerprint.Of(Set([1, 2, 3, 4], [6])));
    }
}
