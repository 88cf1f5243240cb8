using System.Text;
using System.Text.Json.Nodes;
using MiaRepro.Claims;
using MiaRepro.IO;
using MiaRepro.Registration;
using MiaRepro.Reports.Text;
using MiaRepro.Results;
using static System.FormattableString;

namespace MiaRepro.Reports;

/// <summary>
/// Writes a replicated run's verdicts under its output folder: <c>claims.json</c> and <c>claims.md</c> (per claim
/// the verdict, the estimate and its t-interval, and per tested part every replicate's effect); each replicate's own
/// outputs — results.json, report.md, plots and populations, with that replicate's single-run intervals — are in
/// <c>replicate-r/</c>.
/// </summary>
public static class ReplicatedOutput
{
    public static void Write(ReplicatedRun run, string outDir)
    {
        ArgumentNullException.ThrowIfNull(run);
        AtomicFile.WriteAllText(Path.Combine(outDir, "claims.md"), Markdown(run));
        AtomicFile.WriteAllText(Path.Combine(outDir, "claims.json"), Json(run).ToJsonString(JsonText.Indented));
    }

    public static string Markdown(ReplicatedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var s = run.Settings;
        var r = run.Replicates.Count;
        var md = new StringBuilder();
        md.AppendLine($"# MiaRepro claims — {s.Scale.Name} scale, {r} replicates").AppendLine();
        md.Append(Invariant($"{r} independent replicates of {s.Scale.Models} models per recipe (population {s.Scale.Population}, {s.Scale.Epochs} epochs, recipes {string.Join(", ", s.Recipes)}), "))
            .Append(Invariant($"master seed {s.Seed} (replicate seeds {string.Join(", ", run.Replicates.Select(x => x.Seed))}), device **{run.Replicates[0].Device}**, CPU kernels **{run.Replicates[0].Kernels}**. "))
            .AppendLine($"Decided under {ReportMarkdown.Registration([s])}.").AppendLine();
        md.AppendLine("| claim | statement | verdict | effect | 95% CI |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var c in run.Claims)
        {
            md.AppendLine($"| {c.Id} | {c.Statement} | {c.Verdict.Text()} | {NumberText.FormatEffect(c.Effect)} | {NumberText.FormatEffectInterval(c.Ci95)} |");
        }

        md.AppendLine().AppendLine("## Parts, replicate by replicate").AppendLine();
        md.AppendLine("| claim | part | " + string.Join(" | ", run.Replicates.Select(x => Invariant($"rep. {x.Index}"))) + " | estimate | 95% t-interval | threshold | verdict |");
        md.AppendLine("|---|---|" + string.Concat(run.Replicates.Select(_ => "---|")) + "---|---|---|---|");
        foreach (var c in run.Claims)
        {
            foreach (var p in c.Parts)
            {
                var values = p.Replicates.Select(v => v is { } x ? ClaimResult.Number(x) : "—");
                md.AppendLine(
                    $"| {c.Id} | {p.Name}: {p.Measure} | {string.Join(" | ", values)} | {NumberText.FormatEffect(p.Effect)} | {NumberText.FormatEffectInterval(p.Ci95)} | " +
                    $"{(p.Threshold is { } t ? ClaimResult.Number(t) : "reported")} | {p.Verdict?.Text() ?? "—"} |");
            }
        }

        md.AppendLine().AppendLine(
            "Each replicate is the scale's design at its own master seed (own split, keep matrix and model seeds). A TPR ratio's estimate pools the " +
            "replicates (Σ numerators ÷ Σ denominators) and its standard error is the delete-one-replicate jackknife's on the log scale; a difference's " +
            "estimate is the replicates' mean, another ratio's their geometric mean; the interval is the Student t-interval on R − 1 degrees of freedom: its variance is " +
            "the spread between independent replicates, not a correction fitted to one run. A part is supported when its interval lies wholly above " +
            "the threshold, refuted when wholly below, *no effect of interest* when wholly inside the registered equivalence region; a claim is " +
            "supported when every tested part is, refuted or of no effect of interest when Holm's procedure across its parts finds one. " +
            "Each replicate's own report (`replicate-r/report.md`) shows that population's single-run bootstrap intervals, which do not decide here.");
        md.AppendLine().AppendLine("## Why").AppendLine();
        foreach (var c in run.Claims)
        {
            md.AppendLine($"- **{c.Id}** ({c.Verdict.Text()}): {c.Reason}");
        }

        md.AppendLine().AppendLine("## Time per replicate").AppendLine();
        foreach (var x in run.Replicates)
        {
            md.AppendLine(Invariant($"- replicate {x.Index} (seed {x.Seed}): {x.StageSeconds.Values.Sum():0} s, {x.Trained} models trained, {x.Reused} from the store; ") +
                string.Join(", ", x.StageSeconds.Select(kv => Invariant($"{kv.Key} {kv.Value:0.0} s"))));
        }

        return md.ToString();
    }

    public static JsonObject Json(ReplicatedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var s = run.Settings;
        return new JsonObject
        {
            ["scale"] = s.Scale.Name,
            ["dataset"] = s.Dataset,
            ["device"] = run.Replicates[0].Device,
            ["cpu_kernels"] = run.Replicates[0].Kernels,
            ["master_seed"] = s.Seed,
            ["models_per_recipe"] = s.Scale.Models,
            ["population"] = s.Scale.Population,
            ["epochs"] = s.Scale.Epochs,
            ["recipes"] = new JsonArray([.. s.Recipes.Select(x => (JsonNode?)x)]),
            ["preregistration"] = new JsonObject { ["file"] = Preregistration.RepositoryPath, ["sha256"] = Preregistration.Current.Sha256, ["confirms"] = s.Confirms },
            ["interval"] = "mean of the replicates' effects (log scale for ratios), 95% Student t-interval on R - 1 df; Holm across a claim's tested parts",
            ["replicates"] = new JsonArray([.. run.Replicates.Select(x => (JsonNode)new JsonObject
            {
                ["index"] = x.Index,
                ["seed"] = x.Seed,
                ["folder"] = ReplicatedRun.FolderName(x.Index),
                ["trained"] = x.Trained,
                ["reused"] = x.Reused,
                ["stage_seconds"] = new JsonObject([.. x.StageSeconds.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Math.Round(kv.Value, 2)))]),
            })]),
            ["claims"] = new JsonArray([.. run.Claims.Select(c => (JsonNode)ResultsJson.Claim(c))]),
        };
    }
}
