using MiaRepro.Metrics;

namespace MiaRepro.Claims;

/// <summary>
/// C3: augmentation combined with early stopping lowers LiRA's success the most — measured as the factor by
/// which the combined recipe's LiRA TPR at 0.1% FPR is below the baseline's, on the same examples and
/// keep matrix, with a paired bootstrap interval (targets and examples resampled together).
/// </summary>
public sealed class CombinedTechniquesClaim(string attack, string combinedRecipe = "crop-flip-early-stop", double threshold = 3.0) : IClaim
{
    public const double Fpr = 0.001;

    public string Attack => attack;

    public string CombinedRecipe => combinedRecipe;

    public string Id => "C3";

    public string Statement =>
        "Augmentation + early stopping lowers MIA success the most, by up to two orders of magnitude.";

    public IReadOnlyList<string> Recipes => ["baseline", combinedRecipe];

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measure = $"baseline ÷ {combinedRecipe}, {Attack} TPR at {Fpr:0.###%} FPR";
        if (!Recipes.All(evidence.Attacks.ContainsKey))
        {
            return Inconclusive(measure, $"needs the recipes {string.Join(" and ", Recipes)} in the run");
        }

        if (!evidence.Attacks["baseline"].TryGetValue(Attack, out var baseline)
            || !evidence.Attacks[combinedRecipe].TryGetValue(Attack, out var combined))
        {
            return Inconclusive(measure, $"{Attack} could not run on this population (see attack_null_reasons in results.json)");
        }

        if (Tpr(baseline.Pooled) is null || Tpr(combined.Pooled) is null)
        {
            var reason = baseline.Pooled.TprAtFpr.First(t => t.Fpr == Fpr).Reason;
            return Inconclusive(measure, $"TPR at {Fpr:0.###%} FPR cannot be measured: {reason}");
        }

        var population = evidence.Populations["baseline"].Population;
        var comparison = PairedBootstrap.Compare(
            baseline.Scores, combined.Scores, population.Keep, population.Models, population.Examples,
            Tpr, evidence.BootstrapReplicates, (ulong)evidence.Seed);
        var lower = comparison.RatioCi95.Lower;
        var upper = comparison.RatioCi95.Upper;
        var verdict = ClaimResult.Decide(lower, upper, threshold);
        var because = verdict switch
        {
            Verdict.Supported => $"the whole 95% interval [{lower:0.##}, {upper:0.##}] lies above {threshold}",
            Verdict.Refuted => $"the whole 95% interval [{lower:0.##}, {upper:0.##}] lies below {threshold}",
            _ => $"the 95% interval [{lower:0.##}, {upper:0.##}] contains {threshold}",
        };
        return new ClaimResult(Id, Statement, verdict, comparison.Ratio, [lower, upper], threshold, measure, because);
    }

    private static double? Tpr(AttackMetrics metrics) => metrics.TprAtFpr.First(t => t.Fpr == Fpr).Tpr;

    private ClaimResult Inconclusive(string measure, string reason) =>
        new(Id, Statement, Verdict.Inconclusive, null, null, threshold, measure, reason);
}
