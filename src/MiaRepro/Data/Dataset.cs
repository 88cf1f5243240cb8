namespace MiaRepro.Data;

/// <summary>A named dataset with its train and test splits, and where it was read from.</summary>
public sealed record Dataset(string Name, ImageSet Train, ImageSet Test, string Source)
{
    /// <summary>
    /// A stable identity of the data (SHA-256 hex of shapes, pixels and labels; not of the name or source), computed
    /// on first use. See <see cref="DatasetFingerprint"/>.
    /// </summary>
    public string Fingerprint => DatasetFingerprint.Of(this);
}
