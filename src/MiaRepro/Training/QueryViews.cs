using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>The query views the attack sees of a batch of images [N, C, H, W], as a <see cref="QueryGrid"/> lays them out.</summary>
public static class QueryViews
{
    /// <summary>
    /// View <paramref name="query"/> of every image of <paramref name="batch"/> at once: mirrored if the grid says
    /// so, then reflect-padded and cropped back at the query's shift. The shape is the batch's.
    /// </summary>
    public static Tensor Apply(Tensor batch, int query, QueryGrid grid)
    {
        var (mirror, rows, cols) = grid.Geometry(query);
        if (rows == 0 && cols == 0)
        {
            return mirror ? batch.flip(3) : batch.alias();
        }

        using var scope = NewDisposeScope();
        var p = grid.Padding;
        var source = mirror ? batch.flip(3) : batch;
        var padded = nn.functional.pad(source, [p, p, p, p], TorchSharp.PaddingModes.Reflect);
        return padded.narrow(2, p + rows, batch.shape[2]).narrow(3, p + cols, batch.shape[3]).MoveToOuterDisposeScope();
    }
}
