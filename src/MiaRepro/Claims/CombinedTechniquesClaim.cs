using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// C3: augmentation combined with early stopping lowers LiRA's success the most, by up to two orders of magnitude —
/// decided from two paired measures of LiRA's TPR at 0.1% FPR on the same examples and keep matrix, and one reported
/// number:
/// <list type="bullet">
/// <item>"the most" (the headline effect): min(TPR augmentation-only, TPR early-stopping-only) ÷ TPR combined, the
/// combined recipe against the better of the two techniques alone, with a paired bootstrap interval (the minimum
/// taken again in every replicate);</item>
/// <item>"lowers": the reduction factor baseline ÷ combined, with its paired bootstrap interval;</item>
/// <item>"up to two orders of magnitude": the largest reduction factor baseline ÷ recipe over the run's recipes, with
/// its interval — reported, not tested (an "up to" states a maximum, not a threshold).</item>
/// </list>
/// Supported when both measured intervals lie above their registered thresholds, refuted when either lies below.
/// </summary>
public sealed class CombinedTechniquesClaim : IClaim
{
    private readonly string _attack;
    private readonly double _threshold;
    private readonly double _factorThreshold;

    /// <param name="registered">C3 as registered: its recipes are baseline, augmentation-only, early-stopping-only and combined, in that order.</param>
    public CombinedTechniquesClaim(string attack, RegisteredClaim registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        if (registered.Recipes.Count != 4)
        {
            throw new InvalidOperationException($"{Preregistration.RepositoryPath}: C3 registers {registered.Recipes.Count} recipes; it needs baseline, augmentation, early stopping and combined.");
        }

        (_attack, _threshold, _factorThreshold, Statement, Recipes) =
            (attack, registered.Threshold, registered.Value("reduction_factor"), registered.Statement, registered.Recipes);
    }

    public string? Attack => _attack;

    public string Id => "C3";

    public string Statement { get; }

    public IReadOnlyList<string> Recipes { get; }

    private string Baseline => Recipes[0];

    private string Augmentation => Recipes[1];

    private string EarlyStopping => Recipes[2];

    public string CombinedRecipe => Recipes[3];

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measure = $"min({Augmentation}, {EarlyStopping}) ÷ {CombinedRecipe}, {_attack} TPR at {LowFpr.Text} FPR; and {Baseline} ÷ {CombinedRecipe}";
        var outcomes = new List<AttackOutcome>();
        foreach (var recipe in Recipes)
        {
            if (evidence.Outcome(recipe, _attack, out var missing) is not { } outcome)
            {
                return ClaimResult.Unmeasured(this, _threshold, measure, missing);
            }

            if (LowFpr.Unmeasurable(outcome.Pooled) is { } why)
            {
                return ClaimResult.Unmeasured(this, _threshold, measure, $"{recipe}: {why}");
            }

            outcomes.Add(outcome);
        }

        var population = evidence.Populations[Baseline].Population;
        var lowers = evidence.CompareTpr(outcomes[0], outcomes[3], population);
        var lowersVerdict = ClaimResult.Decide(lowers.RatioCi95.Lower, lowers.RatioCi95.Upper, _factorThreshold);
        var lowersPart = new ClaimPart(
            "below_baseline", $"{Baseline} ÷ {CombinedRecipe}", lowers.Ratio, [lowers.RatioCi95.Lower, lowers.RatioCi95.Upper], _factorThreshold, lowersVerdict);

        var (most, mostCi) = BelowEachTechnique(evidence, outcomes, population);
        var mostVerdict = ClaimResult.Decide(mostCi.Lower, mostCi.Upper, _threshold);
        var mostPart = new ClaimPart(
            "below_each_technique", $"min({Augmentation}, {EarlyStopping}) ÷ {CombinedRecipe}", most, [mostCi.Lower, mostCi.Upper], _threshold, mostVerdict);

        var largest = LargestReduction(evidence, outcomes[0], population);
        var verdict = ClaimResult.Combine([mostVerdict, lowersVerdict]);
        var tpr = string.Join(", ", Recipes.Zip(outcomes).Select(p => $"{p.First} {LowFpr.Percent(LowFpr.Tpr(p.Second.Pooled)!.Value)}"));
        var because =
            $"the most: {ClaimResult.Number(most)} {ClaimResult.Because(mostVerdict, mostCi, _threshold)}; " +
            $"lowers: {Baseline} ÷ {CombinedRecipe} = {ClaimResult.Number(lowers.Ratio)}, {ClaimResult.Because(lowersVerdict, lowers.RatioCi95, _factorThreshold)}; " +
            $"TPR {tpr}" + (largest is null ? string.Empty : $"; largest reduction of the run: {largest.Measure} = {ClaimResult.Number(largest.Effect!.Value)}, 95% CI {ClaimResult.Format(new Interval(largest.Ci95![0], largest.Ci95[1]))}");
        return new ClaimResult(Id, Statement, verdict, most, [mostCi.Lower, mostCi.Upper], _threshold, measure, because)
        {
            Parts = largest is null ? [mostPart, lowersPart] : [mostPart, lowersPart, largest],
        };
    }

    /// <summary>min(TPR augmentation, TPR early stopping) ÷ TPR combined on the full data and its paired interval.</summary>
    private static (double Effect, Interval Ci95) BelowEachTechnique(ClaimEvidence evidence, List<AttackOutcome> outcomes, Populations.Population population)
    {
        var replicates = PairedBootstrap.Replicates(
            [outcomes[1].Scores, outcomes[2].Scores, outcomes[3].Scores], population.Keep, population.Models, population.Examples,
            m => m.Tpr(LowFpr.Fpr), evidence.BootstrapReplicates, (ulong)evidence.Seed);
        var full = replicates.Full;
        var effect = PairedBootstrap.Ratio(Math.Min(full[0]!.Value, full[1]!.Value), full[2]!.Value);
        return (effect, replicates.Interval(effect, v => PairedBootstrap.Ratio(Math.Min(v[0], v[1]), v[2]), logScale: true));
    }

    /// <summary>The largest reduction factor baseline ÷ recipe of the run's recipes (by its full-data value), reported with its interval.</summary>
    private ClaimPart? LargestReduction(ClaimEvidence evidence, AttackOutcome baseline, Populations.Population population)
    {
        var factors = evidence.Attacks
            .Where(a => a.Key != Baseline && a.Value.TryGetValue(_attack, out var o) && LowFpr.Tpr(o.Pooled) is not null)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (Recipe: a.Key, Comparison: evidence.CompareTpr(baseline, a.Value[_attack], population)))
            .ToList();
        if (factors.Count == 0)
        {
            return null;
        }

        var (recipe, comparison) = factors.MaxBy(f => f.Comparison.Ratio);
        return new ClaimPart(
            "largest_reduction", $"{Baseline} ÷ {recipe}", comparison.Ratio, [comparison.RatioCi95.Lower, comparison.RatioCi95.Upper], null, null);
    }
}
