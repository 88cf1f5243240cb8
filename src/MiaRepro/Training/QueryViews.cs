using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>The query views the attack sees of each example: the identity, then its mirror image.</summary>
public static class QueryViews
{
    public const int Max = 2;

    public static Tensor Apply(Tensor batch, int query) => query switch
    {
        0 => batch.alias(),
        1 => batch.flip(3),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query, $"Supported query views: 0..{Max - 1}."),
    };
}
