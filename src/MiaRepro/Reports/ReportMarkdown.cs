using System.Globalization;
using System.Text;
using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Runs;

namespace MiaRepro.Reports;

/// <summary>Builds <c>report.md</c>: the claims with verdicts and numbers, then each recipe's accuracy and attack results.</summary>
public static class ReportMarkdown
{
    public static readonly double[] TableFprs = [0.01, 0.001];

    /// <summary>The FPR whose TPR interval the attacks table shows (the paper's headline 0.1%).</summary>
    public const double IntervalFpr = 0.001;

    public static string Build(ReproductionResult result)
    {
        var s = result.Settings;
        var md = new StringBuilder();
        md.AppendLine("# MiaRepro report").AppendLine();
        md.Append(Invariant($"Dataset **{s.Dataset}**, scale **{s.Scale.Name}**, device **{result.Device}** ({s.Threads} threads), "))
            .Append(Invariant($"{s.Scale.Models} models per recipe, population {s.Scale.Population}, {s.Scale.Epochs} epochs, {s.Queries} queries, "))
            .AppendLine(Invariant($"master seed {s.Seed} (keep {result.KeepSeed}, split {result.SplitSeed}). Data: `{result.DatasetSource}`.")).AppendLine();

        md.AppendLine("## Claims").AppendLine();
        if (result.Claims.Count == 0)
        {
            md.AppendLine("No claim could be decided: the run lacks the recipes the claims compare.").AppendLine();
        }
        else
        {
            md.AppendLine("| claim | statement | measure | effect | 95% CI | threshold | verdict | why |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var c in result.Claims)
            {
                var ci = c.Ci95 is null ? "—" : Invariant($"[{c.Ci95[0]:0.##}, {c.Ci95[1]:0.##}]");
                var effect = c.Effect is null ? "—" : Invariant($"{c.Effect:0.##}");
                md.AppendLine(Invariant($"| {c.Id} | {c.Statement} | {c.Measure} | {effect} | {ci} | {c.Threshold} | **{c.Verdict.ToString().ToLowerInvariant()}** | {c.Reason} |"));
            }

            md.AppendLine();
        }

        md.AppendLine("## Recipes").AppendLine();
        md.AppendLine("| recipe | hash | train acc | test acc | gap | mean stop epoch |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, o) in result.Recipes)
        {
            var t = o.Trained;
            md.AppendLine(Invariant($"| {name} | `{t.Recipe.Hash}` | {t.TrainAccuracy:0.000} | {t.TestAccuracy:0.000} | {t.GeneralizationGap:0.000} | {t.Models.Average(m => m.StopEpoch):0.#} |"));
        }

        md.AppendLine();
        AppendAttacks(md, result.Recipes.Select(r => (r.Key, r.Value.Suite)));
        md.AppendLine("## Time per stage").AppendLine();
        foreach (var (stage, seconds) in result.StageSeconds)
        {
            md.AppendLine(Invariant($"- {stage}: {seconds:0.0} s"));
        }

        return md.ToString();
    }

    /// <summary><c>report.md</c> for <c>miarepro attack</c>: the imported population, then its attacks.</summary>
    public static string Build(PopulationFolder folder, AttackSuite suite)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var p = folder.Population;
        var md = new StringBuilder();
        md.AppendLine("# MiaRepro attack report").AppendLine();
        md.Append(Invariant($"Population **{p.Name}** from `{folder.Path}`: {p.Models} models × {p.Examples} examples, {p.Queries} queries, "))
            .Append(p.Logits is null ? "no logits" : Invariant($"logits of {p.Classes} classes"))
            .Append(", ")
            .AppendLine(folder.TrainAccuracy is { } train && folder.TestAccuracy is { } test
                ? Invariant($"train accuracy {train:0.000}, test accuracy {test:0.000}, gap {train - test:0.000}.")
                : "accuracies unknown (models.json does not give them).")
            .AppendLine();
        AppendAttacks(md, [(p.Name, suite)]);
        return md.ToString();
    }

    public static string FormatTpr(double? tpr) => tpr is null ? "—" : Invariant($"{tpr:0.00%}");

    /// <summary>A TPR interval as "[1.20%, 3.45%]"; "—" when there is none.</summary>
    public static string FormatTprInterval(Interval? interval) =>
        interval is null ? "—" : Invariant($"[{interval.Lower:0.00%}, {interval.Upper:0.00%}]");

    private static void AppendAttacks(StringBuilder md, IEnumerable<(string Recipe, AttackSuite Suite)> recipes)
    {
        md.AppendLine("## Attacks (all targets pooled into one ROC, leave-one-out shadows)").AppendLine();
        md.Append("| recipe | attack | AUC | balanced acc |");
        foreach (var f in TableFprs)
        {
            md.Append(Invariant($" TPR@{f:0.###%} FPR |"));
        }

        md.AppendLine(Invariant($" TPR@{IntervalFpr:0.###%} FPR, 95% CI |"));
        md.Append("|---|---|---|---|").AppendLine(string.Concat(TableFprs.Select(_ => "---|")) + "---|");
        foreach (var (name, suite) in recipes)
        {
            foreach (var (attack, outcome) in suite.Outcomes)
            {
                md.Append(Invariant($"| {name} | {attack} | {outcome.Pooled.Auc:0.000} | {outcome.Pooled.BalancedAccuracy:0.000} |"));
                foreach (var f in TableFprs)
                {
                    md.Append(' ').Append(FormatTpr(outcome.Pooled.TprAtFpr.First(t => t.Fpr == f).Tpr)).Append(" |");
                }

                md.Append(' ').Append(outcome.Ci95 is null ? "not computed" : FormatTprInterval(outcome.Ci95.Tpr(IntervalFpr))).AppendLine(" |");
            }

            foreach (var (attack, reason) in suite.Unavailable)
            {
                md.Append(Invariant($"| {name} | {attack} | not run: {reason} | |")).AppendLine(string.Concat(TableFprs.Select(_ => " |")) + " |");
            }
        }

        md.AppendLine().AppendLine("`—`: the run has too few non-members to measure that FPR (fewer than 10/FPR); see `results.json`.")
            .AppendLine("95% CI: bootstrap percentile interval over targets and examples resampled together (`tpr_at_fpr_ci95` in `results.json`, with the AUC's).")
            .AppendLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
