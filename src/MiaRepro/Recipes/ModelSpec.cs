namespace MiaRepro.Recipes;

/// <summary>The architecture of a recipe: a small CNN with two 3×3 convolution blocks of the given widths.</summary>
public sealed record ModelSpec(string Architecture, int Channels1, int Channels2, int Hidden)
{
    public static ModelSpec SmallCnn { get; } = new("small-cnn", 16, 32, 128);
}
