namespace MiaRepro.Claims;

/// <summary>
/// A claim that a scale measures and reports but does not decide, because its registered design cannot resolve it
/// (<see cref="Registration.RegisteredDesign.Undecided"/>): the claim's own effect, interval and parts, with the
/// verdict inconclusive by design and the registered reason first; the parts keep their numbers, not their verdicts.
/// </summary>
public sealed class UndecidedClaim(IClaim claim, string scale, string why) : IClaim
{
    public string Id => claim.Id;

    public string Statement => claim.Statement;

    public IReadOnlyList<string> Recipes => claim.Recipes;

    public string? Attack => claim.Attack;

    public bool AppliesTo(IReadOnlyDictionary<string, Recipes.Recipe> recipes) => claim.AppliesTo(recipes);

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measured = claim.Decide(evidence);
        return measured with
        {
            Verdict = Verdict.Inconclusive,
            Reason = $"not decided at the {scale} scale, by registration: {why}; measured: {measured.Reason}",
            Parts = [.. measured.Parts.Select(p => p with { Verdict = null })],
        };
    }
}
