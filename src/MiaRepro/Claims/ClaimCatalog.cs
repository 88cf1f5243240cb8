using MiaRepro.Recipes;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// The claims MiaRepro decides at a scale, built from the pre-registration (<see cref="Preregistration.Current"/>:
/// statements, recipes, thresholds); each decides from the attack the scale registers for LiRA. A claim the scale's
/// design registers as undecided is measured and reported, inconclusive by design (<see cref="UndecidedClaim"/>).
/// </summary>
public static class ClaimCatalog
{
    public static IReadOnlyList<IClaim> For(ScaleProfile scale) => For(scale, scale.LiraAttack);

    /// <summary>The claims of <paramref name="scale"/> decided from <paramref name="attack"/> (the sensitivity table's other attacks).</summary>
    public static IReadOnlyList<IClaim> For(ScaleProfile scale, string attack) => For(scale, attack, Preregistration.Current);

    /// <summary>The claims as <paramref name="registration"/> registers them.</summary>
    public static IReadOnlyList<IClaim> For(ScaleProfile scale, string attack, Preregistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Fpr != LowFpr.Fpr)
        {
            throw new InvalidOperationException(
                $"{Preregistration.RepositoryPath} registers the operating point FPR {registration.Fpr}; this build measures the claims at {LowFpr.Fpr}.");
        }

        IClaim[] claims =
        [
            new LiraBeatsLossClaim(attack, registration.Claim("C0")),
            TechniqueLowersAttackClaim.Augmentation(attack, registration.Claim("C1")),
            TechniqueLowersAttackClaim.EarlyStopping(attack, registration.Claim("C2")),
            CombinedTechniquesClaim.Lowers(attack, registration.Claim("C3a")),
            CombinedTechniquesClaim.TheMost(attack, registration.Claim("C3b")),
            new CombinedRandomnessClaim(registration.Claim("C4")),
            new GapPredictsVulnerabilityClaim(attack, registration.Claim("C5")),
        ];
        var undecided = registration.Scales.FirstOrDefault(d => d.Name == scale.Name)?.Undecided;
        return undecided is null or { Count: 0 }
            ? claims
            : [.. claims.Select(c => undecided.TryGetValue(c.Id, out var why) ? new UndecidedClaim(c, scale.Name, why) : c)];
    }
}
