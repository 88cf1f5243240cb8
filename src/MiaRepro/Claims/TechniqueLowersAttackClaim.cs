using MiaRepro.Metrics;
using MiaRepro.Recipes;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// C1 and C2: a generalization technique lowers MIA success. Every recipe of the run that applies the technique
/// alone (C1: an augmentation pipeline without early stopping; C2: early stopping without augmentation) is
/// compared with the baseline on the same examples and keep matrix: its LiRA TPR at 0.1% FPR must be lower
/// (reduction factor baseline ÷ recipe, interval wholly above 1) and its AUC lower (difference baseline − recipe,
/// interval wholly above 0). The claim is supported when every such recipe is on both, refuted when Holm's procedure
/// across every recipe's two measures refutes one (<see cref="ClaimResult.CombineParts"/>), and inconclusive
/// otherwise; the effect reported is the smallest reduction factor.
/// </summary>
public sealed class TechniqueLowersAttackClaim : IClaim
{
    private readonly string _attack;
    private readonly Func<Recipe, bool> _applies;
    private readonly string _technique;

    private TechniqueLowersAttackClaim(RegisteredClaim registered, string technique, Func<Recipe, bool> applies, string attack)
    {
        (Id, Statement, _technique, _applies, _attack) = (registered.Id, registered.Statement, technique, applies, attack);
        (FactorThreshold, AucThreshold) = (registered.Threshold, registered.Value("auc_difference"));
        Recipes = registered.Recipes;
    }

    public const string Baseline = RecipeCatalog.Baseline;

    /// <summary>The factor's registered threshold (1: any reduction).</summary>
    public double FactorThreshold { get; }

    /// <summary>The AUC difference's registered threshold (0: any reduction).</summary>
    public double AucThreshold { get; }

    public string Id { get; }

    public string? Attack => _attack;

    public string Statement { get; }

    /// <summary>The baseline and the scale's example recipe of the technique (any recipe of the technique will do).</summary>
    public IReadOnlyList<string> Recipes { get; }

    /// <summary>C1: every augmentation-only recipe of the run against the baseline.</summary>
    public static TechniqueLowersAttackClaim Augmentation(string attack, RegisteredClaim registered) => new(
        registered, "augmentation",
        r => r.Augmentation.Steps.Count > 0 && r.EarlyStopping is null, attack);

    /// <summary>C2: every early-stopping-only recipe of the run against the baseline.</summary>
    public static TechniqueLowersAttackClaim EarlyStopping(string attack, RegisteredClaim registered) => new(
        registered, "early stopping",
        r => r.Augmentation.Steps.Count == 0 && r.EarlyStopping is not null && r.LabelSmoothing == 0, attack);

    public bool AppliesTo(IReadOnlyDictionary<string, Recipe> recipes) =>
        recipes.ContainsKey(Baseline) && recipes.Any(r => r.Key != Baseline && _applies(r.Value));

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measure = $"baseline ÷ each {_technique} recipe, {_attack} TPR at {LowFpr.Text} FPR (> {FactorThreshold}), and AUC difference (> {AucThreshold})";
        var baseline = evidence.Outcome(Baseline, _attack, out var missing);
        if (baseline is null)
        {
            return ClaimResult.Unmeasured(this, FactorThreshold, measure, missing);
        }

        var treated = evidence.Populations.Where(p => p.Key != Baseline && _applies(p.Value.Recipe)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (treated.Count == 0)
        {
            return ClaimResult.Unmeasured(this, FactorThreshold, measure, $"the run has no {_technique}-only recipe");
        }

        if (LowFpr.Unmeasurable(baseline.Pooled) is { } why)
        {
            return ClaimResult.Unmeasured(this, FactorThreshold, measure, why);
        }

        var population = evidence.Populations[Baseline].Population;
        var findings = new List<(string Recipe, PairedComparison Tpr, PairedComparison Auc, ClaimPart[] Parts, Verdict Verdict)>();
        foreach (var name in treated)
        {
            var outcome = evidence.Outcome(name, _attack, out var reason);
            if (outcome is null || LowFpr.Unmeasurable(outcome.Pooled) is not null)
            {
                return ClaimResult.Unmeasured(this, FactorThreshold, measure, outcome is null ? reason : $"{name}: {LowFpr.Unmeasurable(outcome.Pooled)}");
            }

            var tpr = evidence.CompareTpr(baseline, outcome, population);
            var auc = evidence.Compare(baseline, outcome, population, m => m.Auc);
            ClaimPart[] parts =
            [
                new($"{name}.tpr_reduction", $"baseline ÷ {name}, TPR at {LowFpr.Text} FPR", tpr.Ratio, [tpr.RatioCi95.Lower, tpr.RatioCi95.Upper], FactorThreshold,
                    ClaimResult.Decide(tpr.RatioCi95.Lower, tpr.RatioCi95.Upper, FactorThreshold)) { Sides = (tpr.A, tpr.B) },
                new($"{name}.auc_difference", $"AUC baseline − {name}", auc.Difference, [auc.DifferenceCi95.Lower, auc.DifferenceCi95.Upper], AucThreshold,
                    ClaimResult.Decide(auc.DifferenceCi95.Lower, auc.DifferenceCi95.Upper, AucThreshold)) { Ratio = false },
            ];
            findings.Add((name, tpr, auc, parts, ClaimResult.CombineParts(parts)));
        }

        // Holm across every recipe's two parts: the claim is refuted when any one of them is.
        var verdict = ClaimResult.CombineParts([.. findings.SelectMany(f => f.Parts)]);
        var weakest = findings.MinBy(f => f.Tpr.Ratio)!;
        var detail = string.Join("; ", findings.Select(f =>
            $"{f.Recipe}: TPR ×{ClaimResult.Number(f.Tpr.Ratio)} lower, 95% CI {ClaimResult.Format(f.Tpr.RatioCi95)}, " +
            $"AUC {ClaimResult.Number(f.Auc.B)} vs {ClaimResult.Number(f.Auc.A)}, difference CI {ClaimResult.Format(f.Auc.DifferenceCi95)} → {f.Verdict.Text()}"));
        var because = verdict switch
        {
            Verdict.Supported => $"every {_technique} recipe lowers both TPR and AUC (whole intervals beyond the thresholds)",
            Verdict.Refuted => $"a {_technique} recipe raises TPR or AUC (a whole interval on the wrong side, Holm across every recipe's two measures)",
            _ => "an interval contains its threshold",
        };
        return new ClaimResult(
            Id, Statement, verdict, weakest.Tpr.Ratio, [weakest.Tpr.RatioCi95.Lower, weakest.Tpr.RatioCi95.Upper],
            FactorThreshold, measure, $"{because}: {detail}")
        {
            Parts = [.. findings.SelectMany(f => f.Parts)],
        };
    }
}
