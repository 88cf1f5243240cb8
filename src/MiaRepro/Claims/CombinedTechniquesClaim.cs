namespace MiaRepro.Claims;

/// <summary>
/// C3: augmentation combined with early stopping lowers LiRA's success the most — measured as the factor by
/// which the combined recipe's LiRA TPR at 0.1% FPR is below the baseline's, on the same examples and
/// keep matrix, with a paired bootstrap interval (targets and examples resampled together).
/// </summary>
public sealed class CombinedTechniquesClaim(string attack, string combinedRecipe = "crop-flip-early-stop", double threshold = 3.0) : IClaim
{
    public string? Attack => attack;

    public string CombinedRecipe => combinedRecipe;

    public string Id => "C3";

    public string Statement =>
        "Augmentation + early stopping lowers MIA success the most, by up to two orders of magnitude.";

    public IReadOnlyList<string> Recipes => ["baseline", combinedRecipe];

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measure = $"baseline ÷ {combinedRecipe}, {attack} TPR at {LowFpr.Text} FPR";
        var baseline = evidence.Outcome("baseline", attack, out var missing);
        var combined = evidence.Outcome(combinedRecipe, attack, out var missingCombined);
        if (baseline is null || combined is null)
        {
            return ClaimResult.Unmeasured(this, threshold, measure, baseline is null ? missing : missingCombined);
        }

        if ((LowFpr.Unmeasurable(baseline.Pooled) ?? LowFpr.Unmeasurable(combined.Pooled)) is { } why)
        {
            return ClaimResult.Unmeasured(this, threshold, measure, why);
        }

        var comparison = evidence.CompareTpr(baseline, combined, evidence.Populations["baseline"].Population);
        var lowest = LowestOtherRecipe(evidence, combined);
        return ClaimResult.FromInterval(this, comparison.Ratio, comparison.RatioCi95, threshold, measure, lowest);
    }

    /// <summary>Whether the combined recipe has the lowest TPR of the run's recipes (reported, not part of the verdict).</summary>
    private string? LowestOtherRecipe(ClaimEvidence evidence, Attacks.AttackOutcome combined)
    {
        var others = evidence.Attacks
            .Where(a => a.Key != combinedRecipe && a.Value.ContainsKey(attack) && LowFpr.Tpr(a.Value[attack].Pooled) is not null)
            .Select(a => (Recipe: a.Key, Tpr: LowFpr.Tpr(a.Value[attack].Pooled)!.Value))
            .ToList();
        if (others.Count == 0)
        {
            return null;
        }

        var next = others.MinBy(o => o.Tpr);
        var own = LowFpr.Tpr(combined.Pooled)!.Value;
        return own <= next.Tpr
            ? $"{combinedRecipe} has the lowest TPR of the run ({LowFpr.Percent(own)}; next {next.Recipe} {LowFpr.Percent(next.Tpr)})"
            : $"{next.Recipe} has a lower TPR ({LowFpr.Percent(next.Tpr)}) than {combinedRecipe} ({LowFpr.Percent(own)})";
    }
}
