namespace MiaRepro.Populations;

/// <summary>How a population came to be: how many models the store supplied, how many were trained, and what was discarded as corrupt.</summary>
/// <param name="Root">The store's folder, or null when the run used none.</param>
public sealed record StoreUse(string? Root, int Reused, int Trained, IReadOnlyList<string> Discarded)
{
    public static StoreUse None(int trained) => new(null, 0, trained, []);
}
