namespace MiaRepro.Store;

/// <summary>The outcome of looking a key up: a verified model, nothing, or an artifact that failed verification (discarded).</summary>
/// <param name="Discarded">Why a stored artifact was rejected and removed (null when none was found or it was sound).</param>
public sealed record StoreLookup(StoredModel? Model, string? Discarded)
{
    public static StoreLookup Miss { get; } = new(null, null);
}
