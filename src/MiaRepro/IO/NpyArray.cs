namespace MiaRepro.IO;

/// <summary>
/// An n-dimensional array as stored in a <c>.npy</c> file: its shape, element type and elements in C order.
/// <see cref="Data"/> is a <c>bool[]</c>, <c>float[]</c>, <c>double[]</c> or <c>long[]</c> matching <see cref="DType"/>.
/// </summary>
public sealed record NpyArray
{
    public NpyArray(IReadOnlyList<int> shape, NpyDType dType, Array data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        var expectedType = dType switch
        {
            NpyDType.Bool => typeof(bool[]),
            NpyDType.Float32 => typeof(float[]),
            NpyDType.Float64 => typeof(double[]),
            NpyDType.Int64 => typeof(long[]),
            NpyDType.UInt8 => typeof(byte[]),
            _ => throw new ArgumentOutOfRangeException(nameof(dType), dType, "Unknown dtype."),
        };
        if (data.GetType() != expectedType)
        {
            throw new ArgumentException($"A {dType} array needs {expectedType.Name} data, got {data.GetType().Name}.", nameof(data));
        }

        long count = 1;
        foreach (var dimension in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(shape));
            count *= dimension;
        }

        if (count != data.Length)
        {
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) holds {count} elements, data has {data.Length}.", nameof(data));
        }

        Shape = [.. shape];
        DType = dType;
        Data = data;
    }

    public IReadOnlyList<int> Shape { get; }

    public NpyDType DType { get; }

    public Array Data { get; }

    public static NpyArray Of(bool[] data, params int[] shape) => new(shape, NpyDType.Bool, data);

    public static NpyArray Of(float[] data, params int[] shape) => new(shape, NpyDType.Float32, data);

    public static NpyArray Of(double[] data, params int[] shape) => new(shape, NpyDType.Float64, data);

    public static NpyArray Of(long[] data, params int[] shape) => new(shape, NpyDType.Int64, data);

    public static NpyArray Of(byte[] data, params int[] shape) => new(shape, NpyDType.UInt8, data);
}
