using MiaRepro.Data;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>Images [count, channels, height, width] as float32 in [−1, 1] and their int64 labels, on one device.</summary>
public sealed class TensorSet : IDisposable
{
    /// <summary>How pixels become the model's input, as results.json records it (<see cref="From"/> does it).</summary>
    public const string Normalization = "x / 127.5 − 1: pixels 0–255 to [−1, 1], every channel alike";

    private TensorSet(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public int Count => (int)Labels.shape[0];

    public static TensorSet From(ImageSet source, IReadOnlyList<int> indices, Device device)
    {
        var size = source.PixelsPerImage;
        var pixels = new byte[indices.Count * size];
        var labels = new long[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Array.Copy(source.Pixels, (long)indices[i] * size, pixels, (long)i * size, size);
            labels[i] = source.Labels[indices[i]];
        }

        using var scope = NewDisposeScope();
        var images = tensor(pixels, [indices.Count, source.Channels, source.Height, source.Width])
            .to(ScalarType.Float32).div_(127.5).sub_(1.0).to(device);
        return new TensorSet(images.MoveToOuterDisposeScope(), tensor(labels).to(device).MoveToOuterDisposeScope());
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
