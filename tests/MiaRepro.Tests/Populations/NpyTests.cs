using System.Text;
using FluentAssertions;
using MiaRepro.IO;
using MiaRepro.Populations;
using Xunit;

namespace MiaRepro.Tests.Populations;

public sealed class NpyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("npy-tests-").FullName;

    public static TheoryData<string, NpyArray> NumpyFixtures => new()
    {
        // Written by numpy 1.24 numpy.save; the writer must reproduce them byte for byte.
        { "bool_2x3.npy", NpyArray.Of((bool[])[true, false, true, false, false, true], 2, 3) },
        { "f4_3x4.npy", NpyArray.Of(Enumerable.Range(0, 12).Select(i => (i * 0.5f) - 1f).ToArray(), 3, 4) },
        { "f8_5.npy", NpyArray.Of((double[])[0.0, -1.5, 1e300, -2.5e-300, 3.141592653589793], 5) },
        { "i8_2x2x2.npy", NpyArray.Of((long[])[-1L, 0, 1, 1L << 62, long.MinValue, 7, 8, 9], 2, 2, 2) },
        { "f8_scalar.npy", NpyArray.Of((double[])[2.5]) },
        { "f4_empty_0x3.npy", NpyArray.Of(Array.Empty<float>(), 0, 3) },
        { "f8_big_first_axis.npy", NpyArray.Of(Array.Empty<double>(), 12345, 0) },
    };

    [Theory]
    [MemberData(nameof(NumpyFixtures))]
    public void Writer_output_is_byte_for_byte_what_numpy_writes(string fixture, NpyArray array)
    {
        // Given
        var expected = File.ReadAllBytes(Fixture(fixture));

        // When
        var path = Path.Combine(_folder, fixture);
        Npy.Write(path, array);

        // Then
        File.ReadAllBytes(path).Should().Equal(expected);
    }

    [Theory]
    [MemberData(nameof(NumpyFixtures))]
    public void Reader_reads_what_numpy_writes(string fixture, NpyArray array)
    {
        // When
        var read = Npy.Read(Fixture(fixture));

        // Then
        read.Shape.Should().Equal(array.Shape);
        read.DType.Should().Be(array.DType);
        read.Data.Should().BeEquivalentTo(array.Data, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Header_is_padded_to_a_multiple_of_64_and_ends_in_a_newline()
    {
        // When
        var header = Npy.Header(NpyArray.Of(new long[5], 5));

        // Then
        (header.Length % 64).Should().Be(0);
        header[^1].Should().Be((byte)'\n');
        Encoding.ASCII.GetString(header).Should().Contain("{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }");
    }

    [Fact]
    public void Round_trip_keeps_every_value()
    {
        // Given
        var random = new Random(3);
        var values = Enumerable.Range(0, 1000).Select(_ => (float)((random.NextDouble() * 2e6) - 1e6)).ToArray();
        values[0] = float.NaN;
        values[1] = float.NegativeInfinity;
        var path = Path.Combine(_folder, "scores.npy");

        // When
        Npy.Write(path, NpyArray.Of(values, 10, 20, 5));
        var read = Npy.Read(path);

        // Then
        read.Shape.Should().Equal(10, 20, 5);
        ((float[])read.Data).Should().Equal(values);
    }

    [Fact]
    public void Writing_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        // Given an existing file
        var path = Path.Combine(_folder, "keep.npy");
        Npy.Write(path, NpyArray.Of((bool[])[true], 1));

        // When
        Npy.Write(path, NpyArray.Of((bool[])[false, true], 2));

        // Then
        ((bool[])Npy.Read(path).Data).Should().Equal(false, true);
        Directory.GetFiles(_folder).Should().ContainSingle();
    }

    [Theory]
    [InlineData("bad magic", "not a NumPy .npy file")]
    [InlineData("version 4", "version 4.0")]
    [InlineData("fortran", "Fortran order")]
    [InlineData("big-endian", "big-endian")]
    [InlineData("int32", "dtype '<i4'")]
    [InlineData("truncated", "truncated")]
    [InlineData("trailing", "bytes after the data")]
    public void Reader_rejects_what_it_cannot_read_naming_the_file(string defect, string message)
    {
        // Given a damaged copy of a numpy-written file
        var bytes = File.ReadAllBytes(Fixture("f8_5.npy")).ToList();
        var text = Encoding.Latin1.GetString([.. bytes]);
        bytes = defect switch
        {
            "bad magic" => [.. bytes.Skip(1)],
            "version 4" => [.. bytes.Take(6), 4, .. bytes.Skip(7)],
            "fortran" => [.. Encoding.Latin1.GetBytes(text.Replace("False", "True ", StringComparison.Ordinal))],
            "big-endian" => [.. Encoding.Latin1.GetBytes(text.Replace("<f8", ">f8", StringComparison.Ordinal))],
            "int32" => [.. Encoding.Latin1.GetBytes(text.Replace("<f8", "<i4", StringComparison.Ordinal))],
            "truncated" => [.. bytes.Take(bytes.Count - 3)],
            _ => [.. bytes, 0],
        };
        var path = Path.Combine(_folder, "damaged.npy");
        File.WriteAllBytes(path, [.. bytes]);

        // When
        var act = () => Npy.Read(path);

        // Then
        act.Should().Throw<InputException>().Where(e => e.Message.Contains(path, StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var act = () => Npy.Read(Path.Combine(_folder, "absent.npy"));
        act.Should().Throw<InputException>().WithMessage("*absent.npy*");
    }

    [Fact]
    public void A_shape_whose_product_overflows_is_bad_input_not_a_crash()
    {
        // Given a header claiming 2³¹ − 1 elements along each of three axes
        var path = Path.Combine(_folder, "huge.npy");
        File.WriteAllBytes(path, HeaderBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647), }"));

        // When / Then
        var read = () => Npy.Read(path);
        read.Should().Throw<InputException>().WithMessage("*huge.npy*more elements than one array can hold*");
    }

    [Fact]
    public void Arrays_over_2_GiB_are_read_and_written_in_chunks()
    {
        // Given a sparse float32 file of 560,000,000 elements (2.24 GB: a paper-scale logits.npy is 2.9 GB)
        const int count = 560_000_000;
        var path = Path.Combine(_folder, "large.npy");
        using (var stream = File.Create(path))
        {
            stream.Write(HeaderBytes($"{{'descr': '<f4', 'fortran_order': False, 'shape': ({count},), }}"));
            stream.SetLength(stream.Position + (4L * count));
        }

        // When it is read, its last element set, and written again
        var array = Npy.Read(path);
        ((float[])array.Data)[^1] = 1.5f;
        var copy = Path.Combine(_folder, "copy.npy");
        Npy.Write(copy, array);

        // Then every byte is there, in order
        array.Shape.Should().Equal(count);
        new FileInfo(copy).Length.Should().Be(new FileInfo(path).Length);
        using var written = File.OpenRead(copy);
        written.Seek(-4, SeekOrigin.End);
        var last = new byte[4];
        written.ReadExactly(last);
        BitConverter.ToSingle(last).Should().Be(1.5f);
    }

    /// <summary>A version 1.0 header holding <paramref name="dict"/>, padded to a multiple of 64 bytes.</summary>
    private static byte[] HeaderBytes(string dict)
    {
        var text = dict.PadRight((((dict.Length + 10 + 1 + 63) / 64) * 64) - 10 - 1) + "\n";
        return [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)text.Length, 0, .. Encoding.ASCII.GetBytes(text)];
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Populations", "Fixtures", name);
}
