using MiaRepro.Recipes;

namespace MiaRepro.Claims;

/// <summary>The claims MiaRepro decides at a scale, by id; each decides from the attack the scale names for LiRA.</summary>
public static class ClaimCatalog
{
    public static IReadOnlyList<IClaim> For(ScaleProfile scale) => For(scale, scale.LiraAttack);

    /// <summary>The claims of <paramref name="scale"/> decided from <paramref name="attack"/> (the sensitivity table's other attacks).</summary>
    public static IReadOnlyList<IClaim> For(ScaleProfile scale, string attack) =>
    [
        new LiraBeatsLossClaim(attack),
        TechniqueLowersAttackClaim.Augmentation(attack, scale),
        TechniqueLowersAttackClaim.EarlyStopping(attack, scale),
        new CombinedTechniquesClaim(attack),
        new CombinedRandomnessClaim(),
        new GapPredictsVulnerabilityClaim(attack),
    ];
}
