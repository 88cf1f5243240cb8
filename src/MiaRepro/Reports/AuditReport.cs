using System.Text;
using System.Text.Json.Nodes;
using MiaRepro.Audits;
using MiaRepro.Claims;
using MiaRepro.IO;
using MiaRepro.Metrics;
using MiaRepro.Reports.Text;
using static System.FormattableString;

namespace MiaRepro.Reports;

/// <summary>
/// <c>miarepro audit</c>'s outputs under <c>--out</c>: <c>audit.md</c> (its first lines answer the question: each audited
/// recipe's verdict with the reduction factor and the accuracy cost), <c>audit.json</c>, <c>leaking/&lt;recipe&gt;.png</c>
/// (the examples that leak) and <c>run/</c>, the reproduction's own outputs. All are written into a staging folder that
/// replaces the output folder whole.
/// </summary>
public static class AuditReport
{
    public const string Markdown = "audit.md";
    public const string Json = "audit.json";
    public const string LeakingFolder = "leaking";
    public const string RunFolder = "run";

    /// <returns>The warnings of the reproduction's report (plots that failed to render).</returns>
    public static IReadOnlyList<string> Write(AuditResult audit, string outDir)
    {
        ArgumentNullException.ThrowIfNull(audit);
        IReadOnlyList<string> warnings = [];
        OutputFolder.Replace(
            outDir,
            staging =>
            {
                warnings = OutputWriter.Write(audit.Run, Path.Combine(staging, RunFolder));
                var leaking = Directory.CreateDirectory(Path.Combine(staging, LeakingFolder)).FullName;
                if (audit.Run.Examples is { } examples)
                {
                    foreach (var finding in audit.Summary.Findings)
                    {
                        LeakingExamplesGrid.Write(Path.Combine(leaking, $"{finding.Recipe}.png"), audit.Summary, finding.Recipe, examples);
                    }
                }

                AtomicFile.WriteAllText(Path.Combine(staging, Json), ToJson(audit).ToJsonString(JsonText.Indented));
                AtomicFile.WriteAllText(Path.Combine(staging, Markdown), ToMarkdown(audit));
            },
            OutputLayout.Audit);
        return warnings;
    }

    /// <summary>One line per audited recipe: its verdict, reduction factor and interval, and its accuracy cost.</summary>
    public static string VerdictLine(AuditFinding finding, AuditSummary summary)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(summary);
        var at = $"{summary.Attack}'s TPR at {NumberText.FormatPercent(summary.Fpr)} FPR";
        var leak = finding.Reduction is not { } r
            ? $"{finding.Recipe} against the baseline: {at} cannot be compared ({finding.Unmeasured}) — inconclusive"
            : finding.Verdict switch
            {
                Verdict.Supported => $"{finding.Recipe} lowers {at} {NumberText.FormatFactor(r.Ratio)}× {Ci(r.RatioCi95)} below the baseline's — supported (the interval lies above 1)",
                Verdict.Refuted => $"{finding.Recipe} raises {at}: baseline ÷ {finding.Recipe} = {NumberText.FormatFactor(r.Ratio)} {Ci(r.RatioCi95)} — refuted (the interval lies below 1: it leaks more)",
                _ => $"{finding.Recipe} against the baseline: {at} {NumberText.FormatFactor(r.Ratio)}× {Ci(r.RatioCi95)} lower — inconclusive (the interval holds 1)",
            };
        var c = finding.Cost;
        var cost = c.Ci95.Lower > 0 ? "it costs accuracy" : c.Ci95.Upper < 0 ? "it gains accuracy" : "no accuracy cost the run can tell";
        return leak + Invariant($"; test-accuracy cost {100 * c.Cost:0.0} points [{100 * c.Ci95.Lower:0.0}, {100 * c.Ci95.Upper:0.0}] ")
            + Invariant($"({c.Recipe:0.0%} vs the baseline's {c.Baseline:0.0%}: {cost}).");
    }

    /// <summary>"ε ≥ 1.23 (δ = 1e-05; 95% Clopper–Pearson), 2.01 from the observed rates".</summary>
    public static string EpsilonText(AuditRecipe recipe, double delta)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.Epsilon is not { } e
            ? $"ε not measured: {recipe.Unmeasured}"
            : Invariant($"ε ≥ {Eps(e.Lower)} (δ = {Delta(delta)}, 95% Clopper–Pearson), {Eps(e.Estimate)} from the observed rates, ≤ {Eps(e.Upper)} at the optimistic bounds; ")
              + Invariant($"TPR {e.Tpr:0.00%} ({e.TruePositives:N0} of {e.Members:N0} member scores), FPR {e.Fpr:0.000%} ({e.FalsePositives:N0} of {e.NonMembers:N0} non-member scores)");
    }

    private static string Delta(double delta) => delta.ToString("0.###############", System.Globalization.CultureInfo.InvariantCulture);

    private static string Eps(double epsilon) => double.IsPositiveInfinity(epsilon) ? "∞" : Invariant($"{epsilon:0.00}");

    private static string Ci(Interval i) => Invariant($"[{NumberText.FormatFactor(i.Lower)}, {NumberText.FormatFactor(i.Upper)}]");

    private static string ToMarkdown(AuditResult audit)
    {
        var (summary, run) = (audit.Summary, audit.Run);
        var md = new StringBuilder();
        // The first lines answer the question: one verdict per audited recipe.
        foreach (var finding in summary.Findings)
        {
            md.AppendLine($"**{VerdictLine(finding, summary)}**").AppendLine();
        }

        md.AppendLine("# MiaRepro audit").AppendLine();
        md.AppendLine(run.Description.Sentence()).AppendLine();
        md.AppendLine($"Every number is read from {summary.Attack}, the attack the scale registers; the factor's interval is the paired bootstrap over targets and examples, the cost's a bootstrap over models. The reproduction behind it, with every attack, is in [`run/report.md`](run/report.md).").AppendLine();

        md.AppendLine("## Recipes").AppendLine();
        md.AppendLine(TextTable.Of(
            ["recipe", "hash", "augmentation", "early stopping", "label smoothing", "training", "test accuracy"],
            run.Recipes.Select(r => (IReadOnlyList<string>)
            [
                r.Key, $"`{r.Value.Trained.Recipe.Hash}`", RecipeText.Steps(r.Value.Trained.Recipe), RecipeText.Stopping(r.Value.Trained.Recipe),
                Invariant($"{r.Value.Trained.Recipe.LabelSmoothing}"), RecipeText.Training(r.Value.Trained.Recipe), Invariant($"{r.Value.Trained.TestAccuracy:0.0%}"),
            ])).ToMarkdown());
        md.AppendLine();

        md.AppendLine("## Empirical privacy").AppendLine();
        md.AppendLine(TextTable.Of(
            ["recipe", "ε lower bound (95%)", "ε observed", "ε optimistic", "TPR [95% CI]", "FPR [95% CI]", "member / non-member scores"],
            summary.Recipes.Select(r => (IReadOnlyList<string>)(r.Epsilon is { } e
                ? [r.Recipe, Eps(e.Lower), Eps(e.Estimate), Eps(e.Upper), Invariant($"{e.Tpr:0.00%} [{e.TprCi95.Lower:0.00%}, {e.TprCi95.Upper:0.00%}]"),
                    Invariant($"{e.Fpr:0.000%} [{e.FprCi95.Lower:0.000%}, {e.FprCi95.Upper:0.000%}]"), Invariant($"{e.TruePositives:N0} of {e.Members:N0} / {e.FalsePositives:N0} of {e.NonMembers:N0}")]
                : [r.Recipe, "—", "—", "—", "—", "—", r.Unmeasured ?? string.Empty]))).ToMarkdown());
        md.AppendLine().AppendLine(
            $"δ = {Delta(summary.Delta)}. " + Invariant($"Any (ε, δ)-DP training bounds every membership test by TPR ≤ e^ε·FPR + δ and 1 − FPR ≤ e^ε·(1 − TPR) + δ (Jagielski et al. 2020; Nasr et al. 2021), ")
            + "so the attack's TPR and FPR at one threshold give a lower bound on ε. Each (target model, example) score is one trial; the threshold is chosen on the even-numbered targets "
            + Invariant($"(the largest conservative bound among {EmpiricalPrivacy.Candidates} quantiles of their member scores) and the counts are those of the odd-numbered targets, so choosing it does not inflate the bound. ")
            + "The lower bound uses the Clopper–Pearson 95% lower bound of TPR and upper bound of FPR. It is an empirical bound under this attack, not a privacy guarantee: a small ε here does not prove the training private.").AppendLine();

        md.AppendLine("## The examples that leak").AppendLine();
        md.AppendLine(Invariant($"Each picture's top row: the {AuditAnalysis.LeakingCount} training examples with the highest mean {summary.Attack} score under the baseline (mean over the targets that trained on them), and their score under the audited recipe; its bottom row: the audited recipe's own most vulnerable examples, with their baseline score. A recipe protects an example when its score falls.")).AppendLine();
        foreach (var finding in summary.Findings)
        {
            md.AppendLine($"![{finding.Recipe}: the examples that leak]({LeakingFolder}/{finding.Recipe}.png)").AppendLine();
        }

        md.AppendLine("## TPR per class").AppendLine();
        var classes = summary.Recipes[0].PerClass.Select(c => c.Class).ToList();
        md.AppendLine(TextTable.Of(
            ["class", "examples", .. summary.Recipes.SelectMany(r => AuditAnalysis.ClassFprs.Select(f => $"{r.Recipe} TPR at {NumberText.FormatPercent(f)}"))],
            classes.Select(c => (IReadOnlyList<string>)
            [
                run.Examples?.ClassText(c) ?? Invariant($"{c}"), Invariant($"{summary.Recipes[0].PerClass.First(p => p.Class == c).Examples}"),
                .. summary.Recipes.SelectMany(r => AuditAnalysis.ClassFprs.Select(f => r.PerClass.FirstOrDefault(p => p.Class == c)?.Tpr.First(t => t.Fpr == f) is { } t
                    ? t.Tpr is { } v ? NumberText.FormatTpr(v) : "—"
                    : "—")),
            ])).ToMarkdown());
        md.AppendLine().AppendLine(
            "The attack restricted to each class's examples (members and non-members of one class). — : too few non-member scores of the class for that FPR (the run's rule: at least 10/FPR).");
        return md.ToString();
    }

    private static JsonObject ToJson(AuditResult audit)
    {
        var summary = audit.Summary;
        static JsonArray Pair(Interval i) => [Finite(i.Lower), Finite(i.Upper)];
        static JsonNode? Finite(double x) => double.IsFinite(x) ? JsonValue.Create(x) : null;
        return new JsonObject
        {
            ["format"] = "miarepro-audit-v1",
            ["attack"] = summary.Attack,
            ["fpr"] = summary.Fpr,
            ["delta"] = summary.Delta,
            ["run"] = audit.Run.Description.ToJson(),
            ["findings"] = new JsonArray([.. summary.Findings.Select(f => (JsonNode)new JsonObject
            {
                ["recipe"] = f.Recipe,
                ["verdict"] = NumberText.FormatVerdict(f.Verdict),
                ["line"] = VerdictLine(f, summary),
                ["reduction_factor"] = f.Reduction is { } r ? Finite(r.Ratio) : null,
                ["reduction_factor_ci95"] = f.Reduction is { } r2 ? Pair(r2.RatioCi95) : null,
                ["baseline_tpr"] = f.Reduction?.A,
                ["tpr"] = f.Reduction?.B,
                ["unmeasured"] = f.Unmeasured,
                ["test_accuracy_cost"] = f.Cost.Cost,
                ["test_accuracy_cost_ci95"] = Pair(f.Cost.Ci95),
                ["baseline_test_accuracy"] = f.Cost.Baseline,
                ["test_accuracy"] = f.Cost.Recipe,
            })]),
            ["recipes"] = new JsonArray([.. summary.Recipes.Select(r => (JsonNode)new JsonObject
            {
                ["recipe"] = r.Recipe,
                ["test_accuracy"] = r.TestAccuracy,
                ["epsilon"] = r.Epsilon is not { } e ? null : new JsonObject
                {
                    ["lower"] = Finite(e.Lower), ["estimate"] = Finite(e.Estimate), ["upper"] = Finite(e.Upper),
                    ["threshold"] = e.Threshold, ["true_positives"] = e.TruePositives, ["members"] = e.Members,
                    ["false_positives"] = e.FalsePositives, ["non_members"] = e.NonMembers,
                    ["tpr_ci95"] = Pair(e.TprCi95), ["fpr_ci95"] = Pair(e.FprCi95),
                },
                ["epsilon_unmeasured"] = r.Unmeasured,
                ["per_class"] = new JsonArray([.. r.PerClass.Select(c => (JsonNode)new JsonObject
                {
                    ["class"] = c.Class, ["examples"] = c.Examples, ["member_scores"] = c.MemberScores, ["non_member_scores"] = c.NonMemberScores,
                    ["tpr_at_fpr"] = new JsonObject([.. c.Tpr.Select(t => KeyValuePair.Create(Invariant($"{t.Fpr}"), (JsonNode?)(t.Tpr is { } v ? JsonValue.Create(v) : null)))]),
                })]),
                ["leaking"] = new JsonArray([.. summary.Leaking[r.Recipe].Select(l => (JsonNode)new JsonObject
                {
                    ["example"] = l.Example, ["label"] = l.Label, ["score"] = l.Score,
                    ["score_by_recipe"] = new JsonObject([.. l.ScoreByRecipe.Select(s => KeyValuePair.Create(s.Key, Finite(s.Value)))]),
                })]),
            })]),
        };
    }
}
