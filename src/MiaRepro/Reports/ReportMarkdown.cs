using System.Text;
using MiaRepro.Attacks;
using MiaRepro.Claims;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Reports.Plots;
using MiaRepro.Reports.Text;
using MiaRepro.Results;
using static System.FormattableString;

namespace MiaRepro.Reports;

/// <summary>
/// Builds <c>report.md</c>: the claims with verdicts and numbers, each recipe's accuracy, the reduction factors
/// against the baseline, the plots with their captions, each recipe's attacks, and where the numbers came from
/// (seeds, recipe hashes, device, threads, versions, time per stage).
/// </summary>
public static class ReportMarkdown
{
    public static readonly double[] TableFprs = [OperatingPoints.OnePercent, OperatingPoints.Headline];

    /// <summary>The FPR whose TPR interval the attacks table shows (the paper's headline 0.1%).</summary>
    public const double IntervalFpr = OperatingPoints.Headline;

    /// <summary>
    /// The sensitivity table: every claim that uses an attack, decided from each attack of <paramref name="rows"/>
    /// (columns), as effect, 95% interval and verdict — so a verdict that rests on a convention shows at once.
    /// </summary>
    private static void AppendSensitivity(StringBuilder md, IReadOnlyList<ClaimSensitivity> rows)
    {
        if (rows.Count == 0 || rows.All(r => r.Claims.Count == 0))
        {
            return;
        }

        md.AppendLine("## Sensitivity to the attack").AppendLine();
        md.AppendLine("The same claims, recipes, thresholds and bootstrap draws, decided from other attacks than the registered one " +
            "(marked ★): LiRA under the reference code's conventions (mi_lira_2021: medians, one σ about the grand mean, " +
            "shadows truncated in model order) and LeakPro's (σ about each side's grand mean), and online RMIA. " +
            "Each cell: effect [95% CI] verdict.").AppendLine();
        md.AppendLine(TextTable.Of(
            ["claim", .. rows.Select(r => $"{r.Attack} ({r.Convention}){(r.Registered ? " ★" : string.Empty)}")],
            rows.SelectMany(r => r.Claims.Select(c => c.Id)).Distinct().Select(id => (IReadOnlyList<string>)
                [id, .. rows.Select(r => r.Claims.FirstOrDefault(c => c.Id == id) is { } c ? NumberText.FormatClaimCell(c) : "—")])).ToMarkdown());
    }

    /// <summary>The parts of the claims decided from several measures (C3), and the numbers they report untested.</summary>
    private static void AppendParts(StringBuilder md, IReadOnlyList<ClaimResult> claims)
    {
        var parts = claims.SelectMany(c => c.Parts.Select(p => (c.Id, Part: p))).ToList();
        if (parts.Count == 0)
        {
            return;
        }

        md.AppendLine(TextTable.Of(
            ["claim", "part", "measure", "effect", "95% CI", "threshold", "verdict"],
            parts.Select(x => (IReadOnlyList<string>)
            [
                x.Id, x.Part.Name, x.Part.Measure, NumberText.FormatEffect(x.Part.Effect), NumberText.FormatEffectInterval(x.Part.Ci95),
                x.Part.Threshold is null ? "reported" : Invariant($"{x.Part.Threshold}"),
                x.Part.Verdict is null ? "—" : NumberText.FormatVerdict(x.Part.Verdict.Value),
            ])).ToMarkdown());
    }

    /// <summary><c>report.md</c> of a run: a reproduction's (<see cref="ReproductionResult"/>) or an attacked folder's (<see cref="AttackRun"/>).</summary>
    public static string Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Summary switch
        {
            ReproductionResult result => Build(result, report.Supplement),
            AttackRun run => Build(run, report.Supplement),
            var other => throw new ArgumentException($"No report for a {other.GetType().Name}.", nameof(report)),
        };
    }

    private static string Build(ReproductionResult result, ReportSupplement supplement)
    {
        var s = result.Settings;
        var md = new StringBuilder();
        md.AppendLine("# MiaRepro report").AppendLine();
        md.AppendLine(result.Description.Sentence()).AppendLine();
        AppendWarnings(md, supplement);

        md.AppendLine("## Claims").AppendLine();
        if (result.Claims.Count == 0)
        {
            md.AppendLine("No claim could be decided: the run lacks the recipes the claims compare.").AppendLine();
        }
        else
        {
            md.AppendLine(TextTable.Of(
                ["claim", "statement", "measure", "effect", "95% CI", "threshold", "verdict", "why"],
                result.Claims.Select(c => (IReadOnlyList<string>)
                [
                    c.Id, c.Statement, c.Measure, NumberText.FormatEffect(c.Effect), NumberText.FormatEffectInterval(c.Ci95),
                    Invariant($"{c.Threshold}"), $"**{NumberText.FormatVerdict(c.Verdict)}**", c.Reason,
                ])).ToMarkdown());
            AppendParts(md, result.Claims);
            md.AppendLine(
                "A verdict is *supported* when the effect's 95% paired bootstrap interval lies wholly beyond the pre-registered " +
                "threshold (`claims/preregistration.json`), *refuted* when wholly on the other side, *inconclusive* otherwise. C4's training randomness: for each " +
                "example, V = (v_in + v_out)/2, the unbiased variances of φ over the models where it was IN and where OUT, and " +
                "Δ = μ_in − μ_out; a recipe's σ is the mean of √V, Δ the mean separation, s the standard deviation over examples of the mean OUT φ, " +
                "and its seed-variance share the mean of (φ − φ_twin)²/2 over twin models (the same keep row, another seed) ÷ the mean V. C5's per-target TPR is at the " +
                "lowest FPR every target's own non-members can measure, and its interval resamples recipes as clusters, then models within them.").AppendLine();
        }

        AppendSensitivity(md, result.Sensitivity);

        md.AppendLine("## Recipes").AppendLine();
        md.Append(TextTable.Of(
            ["recipe", "hash", "models", "train acc", "test acc", "gap", "mean stop epoch"],
            result.Recipes.Select(r =>
            {
                var t = r.Value.Trained;
                return (IReadOnlyList<string>)
                [
                    r.Key, $"`{t.Recipe.Hash}`", Invariant($"{t.Models.Count}"), Invariant($"{t.TrainAccuracy:0.000}"),
                    Invariant($"{t.TestAccuracy:0.000}"), Invariant($"{t.GeneralizationGap:0.000}"), Invariant($"{t.Models.Average(m => m.StopEpoch):0.#}"),
                ];
            })).ToMarkdown());
        md.AppendLine().AppendLine("Accuracies are means over the recipe's models; gap = train accuracy − test accuracy; the stop epoch is the epoch whose weights a model keeps.").AppendLine();
        if (result.Reductions is { } reductions)
        {
            AppendReductions(md, reductions, s.BootstrapReplicates);
        }

        AppendPlots(md, supplement);
        AppendAttacks(md, result.Suites);
        md.AppendLine("## Run").AppendLine();
        md.Append(TextTable.Of(
            ["", ""],
            [
                ["seeds", result.Description.SeedsText()],
                ["recipe hashes", string.Join(", ", result.Recipes.Select(r => $"{r.Key} `{r.Value.Trained.Recipe.Hash}`"))],
                ["device", Invariant($"{result.Device}, {s.Threads} threads")],
                ["CPU kernels", result.Kernels.Describe()],
                ["pre-registration", Registration([s])],
                Versions(),
            ]).ToMarkdown());
        md.AppendLine().AppendLine("## Time per stage").AppendLine();
        foreach (var (stage, seconds) in result.StageSeconds.Concat(supplement.StageSeconds))
        {
            md.AppendLine(Invariant($"- {stage}: {seconds:0.0} s"));
        }

        return md.ToString();
    }

    /// <summary>
    /// The pre-registration in words: file, version, SHA-256, and whether the verdicts of <paramref name="runs"/> (one
    /// run, or a stability run's seeds) are confirmatory: every run one of the scale's confirming runs.
    /// </summary>
    public static string Registration(IReadOnlyList<RunSettings> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var r = MiaRepro.Registration.Preregistration.Current;
        var scale = runs[0].Scale.Name;
        var design = r.Scales.FirstOrDefault(d => d.Name == scale);
        var seeds = string.Join(", ", design?.ConfirmingSeeds ?? []);
        var confirmatory = design is not { Confirmatory: true }
            ? "exploratory (the design is not frozen for confirmation)"
            : runs.All(s => s.Confirms)
                ? $"confirmatory (the registered design at its confirming master seeds {seeds})"
                : $"exploratory (the confirming runs are the registered design at master seeds {seeds})";
        return $"`{MiaRepro.Registration.Preregistration.RepositoryPath}` version {r.Version}, SHA-256 `{r.Sha256}`; {scale} verdicts {confirmatory}";
    }

    /// <summary><c>report.md</c> for <c>miarepro attack</c>: the imported population, its plots, then its attacks.</summary>
    private static string Build(AttackRun run, ReportSupplement supplement)
    {
        var (folder, suite, bootstrapSeed) = run;
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
        AppendWarnings(md, supplement);
        AppendPlots(md, supplement);
        AppendAttacks(md, run.Suites);
        md.AppendLine("## Run").AppendLine();
        md.AppendLine(TextTable.Of(
            ["", ""],
            [["bootstrap seed", bootstrapSeed is { } seed ? Invariant($"{seed}") : "none (no intervals)"], Versions()]).ToMarkdown());
        if (supplement.StageSeconds.Count > 0)
        {
            md.AppendLine("## Time per stage").AppendLine();
            foreach (var (stage, seconds) in supplement.StageSeconds)
            {
                md.AppendLine(Invariant($"- {stage}: {seconds:0.0} s"));
            }
        }

        return md.ToString();
    }

    private static void AppendWarnings(StringBuilder md, ReportSupplement supplement)
    {
        foreach (var warning in supplement.Warnings)
        {
            md.AppendLine($"> **Warning:** {warning}").AppendLine();
        }
    }

    private static void AppendReductions(StringBuilder md, ReductionTable table, int replicates)
    {
        md.AppendLine(Invariant($"## Reduction factors against {table.Baseline} ({table.Attack})")).AppendLine();
        if (table.Reason is not null)
        {
            md.AppendLine($"Not measured: {table.Reason}.").AppendLine();
            return;
        }

        if (table.Rows.Count == 0)
        {
            md.AppendLine($"Not measured: the run has no recipe besides {table.Baseline}.").AppendLine();
            return;
        }

        md.Append("| recipe |");
        foreach (var f in table.Fprs)
        {
            var fpr = NumberText.FormatPercent(f);
            md.Append(Invariant($" TPR@{fpr} FPR, {table.Baseline} → recipe | factor at {fpr} | 95% CI |"));
        }

        md.AppendLine().Append("|---|").AppendLine(string.Concat(table.Fprs.Select(_ => "---|---|---|")));
        var notes = new List<string>();
        foreach (var row in table.Rows)
        {
            md.Append(Invariant($"| {row.Recipe} |"));
            foreach (var at in row.At)
            {
                if (at.Comparison is not { } c)
                {
                    md.Append(Invariant($" — | — | not measured: {at.Reason} |"));
                    continue;
                }

                md.Append(Invariant($" {NumberText.FormatTpr(c.A)} → {NumberText.FormatTpr(c.B)} | **{NumberText.FormatFactor(c.Ratio)}** | [{NumberText.FormatFactor(c.RatioCi95.Lower)}, {NumberText.FormatFactor(c.RatioCi95.Upper)}] |"));
                if (c.Undefined + c.Excluded > 0)
                {
                    notes.Add(Invariant($"{row.Recipe} at {NumberText.FormatPercent(at.Fpr)}: {c.Undefined + c.Excluded} of {c.Replicates:N0} replicates left out of the interval ({c.Undefined} drew too few non-members, {c.Excluded} had both TPRs 0)."));
                }
            }

            md.AppendLine();
        }

        md.AppendLine()
            .AppendLine(Invariant($"Factor = {table.Baseline}'s TPR ÷ the recipe's, pooled over targets: above 1, the recipe leaks less; ∞ when the recipe's TPR is 0. 95% CI: paired bootstrap ({replicates:N0} replicates; the same targets and examples drawn for both recipes, with the claims' seed, so a claim's factor appears here with the same interval)."));
        md.AppendLine();
        foreach (var note in notes)
        {
            md.Append("- ").AppendLine(note);
        }

        if (notes.Count > 0)
        {
            md.AppendLine();
        }
    }

    private static void AppendPlots(StringBuilder md, ReportSupplement supplement)
    {
        if (supplement.Plots.Count == 0 && supplement.NotDrawn.Count == 0)
        {
            return;
        }

        md.AppendLine("## Plots").AppendLine();
        var number = 0;
        foreach (var plot in supplement.Plots)
        {
            if (plot.Rendered)
            {
                number++;
                md.AppendLine($"![{plot.Figure.Title}]({plot.Figure.RelativePath})").AppendLine();
                md.AppendLine(Invariant($"*Figure {number}.* {plot.Figure.Caption}")).AppendLine();
            }
            else
            {
                md.AppendLine($"*Not drawn:* {plot.Warning}").AppendLine();
            }
        }

        foreach (var reason in supplement.NotDrawn)
        {
            md.AppendLine($"*Not drawn:* {reason}").AppendLine();
        }
    }

    private static void AppendAttacks(StringBuilder md, IEnumerable<KeyValuePair<string, AttackSuite>> recipes)
    {
        md.AppendLine("## Attacks (all targets pooled into one ROC, leave-one-out shadows)").AppendLine();
        foreach (var (name, suite) in recipes)
        {
            md.AppendLine($"### {name}").AppendLine();
            md.Append(AttackTable(suite).ToMarkdown());
            md.AppendLine();
        }

        md.AppendLine("`—`: the run has too few non-members to measure that FPR (fewer than 10/FPR); see `results.json`.")
            .AppendLine("95% CI: bootstrap percentile interval over targets and examples resampled together (`tpr_at_fpr_ci95` in `results.json`, with the AUC's).")
            .AppendLine();
    }

    private static string[] Versions()
    {
        var v = RunVersions.Current;
        return ["versions", $"MiaRepro {v.MiaRepro}, TorchSharp {v.TorchSharp}, .NET {v.DotNet}, {v.Os}"];
    }

    /// <summary>
    /// An attack suite's table (of <c>report.md</c> and of <c>miarepro attack</c>'s console): per attack its AUC,
    /// balanced accuracy, TPR at 1% and 0.1% FPR and the interval of the latter; the attacks that could not run, with why.
    /// </summary>
    public static TextTable AttackTable(AttackSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return TextTable.Of(
            ["attack", "AUC", "balanced acc", .. TableFprs.Select(f => Invariant($"TPR@{f:0.###%} FPR")), Invariant($"TPR@{IntervalFpr:0.###%} FPR, 95% CI")],
            suite.Outcomes.Select(o => (IReadOnlyList<string>)
                [
                    o.Key, Invariant($"{o.Value.Pooled.Auc:0.000}"), Invariant($"{o.Value.Pooled.BalancedAccuracy:0.000}"),
                    .. TableFprs.Select(f => NumberText.FormatTpr(o.Value.Pooled.Tpr(f))),
                    o.Value.Ci95 is null ? "not computed" : NumberText.FormatTprInterval(o.Value.Ci95.Tpr(IntervalFpr)),
                ])
                .Concat(suite.Unavailable.Select(u => (IReadOnlyList<string>)
                    [u.Key, $"not run: {u.Value}", string.Empty, .. TableFprs.Select(_ => string.Empty), string.Empty])));
    }
}
