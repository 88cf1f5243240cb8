namespace MiaRepro.Data;

/// <summary>A named dataset with its train and test splits, and where it was read from.</summary>
public sealed record Dataset(string Name, ImageSet Train, ImageSet Test, string Source);
