namespace MiaRepro.Data;

/// <summary>A named dataset with its train and test splits, and where it was read from.</summary>
public sealed record Dataset(string Name, ImageSet Train, ImageSet Test, string Source)
{
    /// <summary>
    /// A stable identity of the data (SHA-256 hex of shapes, pixels and labels; not of the name or source), computed
    /// on first use. See <see cref="DatasetFingerprint"/>.
    /// </summary>
    public string Fingerprint => DatasetFingerprint.Of(this);

    /// <summary>The dataset with <paramref name="names"/> as the names of its classes, in both splits.</summary>
    public Dataset WithClassNames(IReadOnlyList<string> names) =>
        this with { Train = Train with { ClassNames = names }, Test = Test with { ClassNames = names } };

    /// <summary>
    /// The training and test splits pooled into one set of images (train first), serving as both splits: LiRA's
    /// protocol draws population, validation and test examples from all 60,000 CIFAR images.
    /// </summary>
    public Dataset Pooled()
    {
        var pooled = ImageSet.Concat(Train, Test);
        return new Dataset(Name, pooled, pooled, Source);
    }
}
