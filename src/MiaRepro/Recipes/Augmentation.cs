namespace MiaRepro.Recipes;

/// <summary>The augmentation pipeline of a recipe, applied to whole training batches.</summary>
/// <param name="Flip">Mirror each image horizontally with probability ½.</param>
/// <param name="CropPadding">Padded random crop: reflect-pad by this many pixels, then crop back at a random offset (0 = off).</param>
public sealed record Augmentation(bool Flip, int CropPadding)
{
    public static Augmentation None { get; } = new(false, 0);

    public bool IsIdentity => !Flip && CropPadding == 0;
}
