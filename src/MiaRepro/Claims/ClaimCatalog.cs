using MiaRepro.Recipes;

namespace MiaRepro.Claims;

/// <summary>The claims MiaRepro decides at a scale, by id.</summary>
public static class ClaimCatalog
{
    public static IReadOnlyList<IClaim> For(ScaleProfile scale) => [new CombinedTechniquesClaim(scale.LiraAttack)];
}
