using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// C3 as two claims, each with its own verdict, from paired measures of LiRA on the same examples and keep matrix:
/// <list type="bullet">
/// <item><b>C3a, "lowers"</b> (<see cref="Lowers"/>): the combined recipe against the baseline — the reduction factor
/// baseline ÷ combined of TPR at 0.1% FPR (above 1) and the AUC difference baseline − combined (above 0); and,
/// reported with its interval, not tested, the largest reduction factor baseline ÷ recipe over the run's recipes
/// ("by up to two orders of magnitude": an "up to" states a maximum, not a threshold);</item>
/// <item><b>C3b, "the most"</b> (<see cref="TheMost"/>): the combined recipe against the better of the two
/// techniques alone — min(TPR augmentation-only, TPR early-stopping-only) ÷ TPR combined at the registered FPR
/// (<c>fpr</c>; the minimum taken again in every bootstrap replicate) and the AUC difference
/// min(AUC of the techniques) − AUC combined; the same ratio at 0.1% FPR is reported.</item>
/// </list>
/// Each claim is supported when both tested parts are, refuted when Holm's procedure across the two refutes one
/// (<see cref="ClaimResult.CombineParts"/>).
/// </summary>
public sealed class CombinedTechniquesClaim : IClaim
{
    private readonly string _attack;
    private readonly bool _theMost;
    private readonly double _threshold;
    private readonly double _aucThreshold;
    private readonly double _fpr;

    private CombinedTechniquesClaim(string attack, RegisteredClaim registered, bool theMost)
    {
        ArgumentNullException.ThrowIfNull(registered);
        if (registered.Recipes.Count != 4)
        {
            throw new InvalidOperationException($"{Preregistration.RepositoryPath}: {registered.Id} registers {registered.Recipes.Count} recipes; it needs baseline, augmentation, early stopping and combined.");
        }

        (_attack, _theMost, Id, Statement, Recipes) = (attack, theMost, registered.Id, registered.Statement, registered.Recipes);
        (_threshold, _aucThreshold) = (registered.Threshold, registered.Value("auc_difference"));
        _fpr = theMost ? registered.Value("fpr") : LowFpr.Fpr;
        if (!OperatingPoints.Standard.Contains(_fpr))
        {
            throw new InvalidOperationException($"{Preregistration.RepositoryPath}: {Id} registers the FPR {_fpr}; use one of {string.Join(", ", OperatingPoints.Standard)}.");
        }
    }

    /// <summary>C3a: the combined recipe lowers LiRA's success against the baseline.</summary>
    public static CombinedTechniquesClaim Lowers(string attack, RegisteredClaim registered) => new(attack, registered, theMost: false);

    /// <summary>C3b: the combined recipe lowers LiRA's success below each technique alone.</summary>
    public static CombinedTechniquesClaim TheMost(string attack, RegisteredClaim registered) => new(attack, registered, theMost: true);

    public string? Attack => _attack;

    public string Id { get; }

    public string Statement { get; }

    public IReadOnlyList<string> Recipes { get; }

    private string Baseline => Recipes[0];

    private string Augmentation => Recipes[1];

    private string EarlyStopping => Recipes[2];

    public string CombinedRecipe => Recipes[3];

    private string Techniques => $"min({Augmentation}, {EarlyStopping})";

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var against = _theMost ? Techniques : Baseline;
        var measure = $"{against} ÷ {CombinedRecipe}, {_attack} TPR at {Percent(_fpr)} FPR (> {_threshold}); and AUC {against} − {CombinedRecipe} (> {_aucThreshold})";
        var outcomes = new List<AttackOutcome>();
        foreach (var recipe in Recipes)
        {
            if (evidence.Outcome(recipe, _attack, out var missing) is not { } outcome)
            {
                return ClaimResult.Unmeasured(this, _threshold, measure, missing);
            }

            foreach (var fpr in (double[])[_fpr, LowFpr.Fpr])
            {
                if (outcome.Pooled.Tpr(fpr) is null)
                {
                    return ClaimResult.Unmeasured(this, _threshold, measure, $"{recipe}: TPR at {Percent(fpr)} FPR cannot be measured ({outcome.Pooled.TprAtFpr.First(t => t.Fpr == fpr).Reason})");
                }
            }

            outcomes.Add(outcome);
        }

        var population = evidence.Populations[Baseline].Population;
        var tpr = _theMost
            ? BelowEachTechnique(evidence, outcomes, population, m => m.Tpr(_fpr), ratio: true)
            : Pair(evidence.Comparisons.Tpr(outcomes[0].Scores, outcomes[3].Scores, population.Keep, population.Models, population.Examples, _fpr), ratio: true);
        var auc = _theMost
            ? BelowEachTechnique(evidence, outcomes, population, m => m.Auc, ratio: false)
            : Pair(evidence.Compare(outcomes[0], outcomes[3], population, m => m.Auc), ratio: false);
        var (tprCi, aucCi) = (tpr.Ci95, auc.Ci95);
        var tprPart = Tested(_theMost ? "below_each_technique" : "below_baseline", $"{against} ÷ {CombinedRecipe}, TPR at {Percent(_fpr)} FPR", tpr, _threshold);
        var aucPart = Tested(_theMost ? "auc_below_each_technique" : "auc_below_baseline", $"AUC {against} − {CombinedRecipe}", auc, _aucThreshold);
        var reported = _theMost
            ? ReportedAtHeadline(evidence, outcomes, population)
            : LargestReduction(evidence, outcomes[0], population);
        var verdict = ClaimResult.CombineParts([tprPart, aucPart]);
        var rates = string.Join(", ", Recipes.Zip(outcomes).Select(p => $"{p.First} {LowFpr.Percent(p.Second.Pooled.Tpr(_fpr)!.Value)}"));
        var because =
            $"TPR ratio {ClaimResult.Number(tpr.Effect)}: {ClaimResult.Because(tprPart.Verdict!.Value, tprCi, _threshold)}; " +
            $"AUC difference {ClaimResult.Number(auc.Effect)}: {ClaimResult.Because(aucPart.Verdict!.Value, aucCi, _aucThreshold)}; TPR at {Percent(_fpr)} FPR {rates}" +
            (reported is null ? string.Empty : $"; reported: {reported.Measure} = {ClaimResult.Number(reported.Effect!.Value)}, 95% CI {ClaimResult.Format(new Interval(reported.Ci95![0], reported.Ci95[1]))}");
        return new ClaimResult(Id, Statement, verdict, tpr.Effect, [tprCi.Lower, tprCi.Upper], _threshold, measure, because)
        {
            Parts = reported is null ? [tprPart, aucPart] : [tprPart, aucPart, reported],
        };
    }

    /// <summary>A measured comparison: the effect, its interval, and a ratio's two sides (null for a difference).</summary>
    private sealed record Measured(double Effect, Interval Ci95, (double, double)? Sides);

    private static ClaimPart Tested(string name, string measure, Measured m, double threshold) =>
        new(name, measure, m.Effect, [m.Ci95.Lower, m.Ci95.Upper], threshold, ClaimResult.Decide(m.Ci95.Lower, m.Ci95.Upper, threshold))
        {
            Ratio = m.Sides is not null,
            Sides = m.Sides,
        };

    private static Measured Pair(PairedComparison comparison, bool ratio) =>
        ratio ? new(comparison.Ratio, comparison.RatioCi95, (comparison.A, comparison.B)) : new(comparison.Difference, comparison.DifferenceCi95, null);

    /// <summary>
    /// The combined recipe against the better technique on <paramref name="metric"/>: min(aug, es) ÷ combined for a
    /// ratio, min(aug, es) − combined for a difference, on the full data and its paired interval.
    /// </summary>
    private static Measured BelowEachTechnique(
        ClaimEvidence evidence, List<AttackOutcome> outcomes, Populations.Population population, Func<AttackMetrics, double?> metric, bool ratio)
    {
        var replicates = PairedBootstrap.Replicates(
            [outcomes[1].Scores, outcomes[2].Scores, outcomes[3].Scores], population.Keep, population.Models, population.Examples,
            metric, evidence.BootstrapReplicates, (ulong)evidence.Seed);
        Func<double[], double> effectOf = ratio
            ? v => PairedBootstrap.Ratio(Math.Min(v[0], v[1]), v[2])
            : v => Math.Min(v[0], v[1]) - v[2];
        var full = replicates.Full;
        var effect = effectOf([full[0]!.Value, full[1]!.Value, full[2]!.Value]);
        var sides = ratio ? (Math.Min(full[0]!.Value, full[1]!.Value), full[2]!.Value) : ((double, double)?)null;
        return new(effect, replicates.Interval(effect, effectOf, logScale: ratio), sides);
    }

    /// <summary>C3b's ratio at 0.1% FPR, reported beside the registered operating point.</summary>
    private ClaimPart? ReportedAtHeadline(ClaimEvidence evidence, List<AttackOutcome> outcomes, Populations.Population population)
    {
        if (_fpr == LowFpr.Fpr)
        {
            return null;
        }

        var m = BelowEachTechnique(evidence, outcomes, population, m => m.Tpr(LowFpr.Fpr), ratio: true);
        return new ClaimPart("below_each_technique_at_0.1%", $"{Techniques} ÷ {CombinedRecipe}, TPR at {LowFpr.Text} FPR (reported)", m.Effect, [m.Ci95.Lower, m.Ci95.Upper], null, null)
        {
            Sides = m.Sides,
        };
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
            "largest_reduction", $"{Baseline} ÷ {recipe}", comparison.Ratio, [comparison.RatioCi95.Lower, comparison.RatioCi95.Upper], null, null)
        {
            Sides = (comparison.A, comparison.B),
        };
    }

    private static string Percent(double fpr) => System.FormattableString.Invariant($"{fpr * 100:0.###}%");
}
