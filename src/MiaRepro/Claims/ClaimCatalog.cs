namespace MiaRepro.Claims;

/// <summary>The claims MiaRepro decides, by id.</summary>
public static class ClaimCatalog
{
    public static IReadOnlyList<IClaim> All { get; } = [new CombinedTechniquesClaim()];
}
