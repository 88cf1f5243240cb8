using MiaRepro.Recipes;

namespace MiaRepro.Claims;

/// <summary>The claims MiaRepro decides at a scale, by id; each decides from the attack the scale names for LiRA.</summary>
public static class ClaimCatalog
{
    public static IReadOnlyList<IClaim> For(ScaleProfile scale) =>
    [
        new LiraBeatsLossClaim(scale.LiraAttack),
        TechniqueLowersAttackClaim.Augmentation(scale.LiraAttack, scale),
        TechniqueLowersAttackClaim.EarlyStopping(scale.LiraAttack, scale),
        new CombinedTechniquesClaim(scale.LiraAttack),
        new CombinedRandomnessClaim(),
        new GapPredictsVulnerabilityClaim(scale.LiraAttack),
    ];
}
