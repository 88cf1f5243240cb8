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
/// Writes a stability run's summary under its output folder: <c>stability.json</c> (per claim and seed: effect,
/// interval, verdict; per claim: the most frequent verdict and how many seeds differ) and <c>stability.md</c>, the
/// same as a table; each seed's own outputs are in <c>seed-S/</c>.
/// </summary>
public static class StabilityOutput
{
    public static void Write(StabilityRun run, string outDir)
    {
        ArgumentNullException.ThrowIfNull(run);
        var markdown = Markdown(run);
        var json = Json(run).ToJsonString(JsonText.Indented);
        AtomicFile.WriteAllText(Path.Combine(outDir, "stability.md"), markdown);
        AtomicFile.WriteAllText(Path.Combine(outDir, "stability.json"), json);
    }

    /// <summary>One seed's result in a cell: effect [95% CI] verdict.</summary>
    public static string Cell(ClaimResult c) => NumberText.FormatClaimCell(c);

    /// <summary>A claim's summary: "stable: inconclusive at 5 of 5 seeds" or "unstable: supported at 3 of 5 seeds".</summary>
    public static string Summary(ClaimStability c) =>
        Invariant($"{(c.Stable ? "stable" : "unstable")}: {c.Verdict.Text()} at {c.BySeed.Count - c.Differing} of {c.BySeed.Count} seeds");

    public static string Markdown(StabilityRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var first = run.Runs[0].Settings;
        var md = new StringBuilder();
        md.AppendLine("# MiaRepro stability").AppendLine();
        md.Append(Invariant($"Scale **{first.Scale.Name}** ({first.Scale.Models} models per recipe, population {first.Scale.Population}, {first.Scale.Epochs} epochs, "))
            .Append($"recipes {string.Join(", ", first.Recipes)}), device **{run.Device}**, CPU kernels **{run.CpuKernels}**, master seeds {string.Join(", ", run.Seeds)}. ")
            .AppendLine($"Decided under {ReportMarkdown.Registration([.. run.Runs.Select(r => r.Settings)])}.").AppendLine();
        md.AppendLine(run.Stable
            ? "Every claim has the same verdict at every seed."
            : "**Some verdicts differ between seeds**: a claim whose verdict depends on the seed is not decided by this design.").AppendLine();
        md.AppendLine("| claim | " + string.Join(" | ", run.Seeds.Select(s => Invariant($"seed {s}"))) + " | stability |");
        md.AppendLine("|---|" + string.Concat(run.Seeds.Select(_ => "---|")) + "---|");
        foreach (var claim in run.Claims)
        {
            var cells = run.Seeds.Select(s => claim.BySeed.FirstOrDefault(b => b.Seed == s) is { Result: { } r } ? Cell(r) : "—");
            md.AppendLine($"| {claim.Id} | {string.Join(" | ", cells)} | {Summary(claim)} |");
        }

        md.AppendLine().AppendLine("Each cell: effect [95% CI] verdict, as in that seed's `seed-S/report.md`.");
        return md.ToString();
    }

    public static JsonObject Json(StabilityRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var first = run.Runs[0].Settings;
        return new JsonObject
        {
            ["scale"] = first.Scale.Name,
            ["dataset"] = first.Dataset,
            ["device"] = run.Device,
            ["cpu_kernels"] = run.CpuKernels,
            ["models_per_recipe"] = first.Scale.Models,
            ["population"] = first.Scale.Population,
            ["epochs"] = first.Scale.Epochs,
            ["recipes"] = new JsonArray([.. first.Recipes.Select(r => (JsonNode?)r)]),
            ["seeds"] = new JsonArray([.. run.Seeds.Select(s => (JsonNode?)s)]),
            ["preregistration"] = new JsonObject { ["file"] = Preregistration.RepositoryPath, ["sha256"] = Preregistration.Current.Sha256 },
            ["stable"] = run.Stable,
            ["claims"] = new JsonArray([.. run.Claims.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["verdict"] = c.Verdict.Text(),
                ["differing"] = c.Differing,
                ["stable"] = c.Stable,
                ["by_seed"] = new JsonArray([.. c.BySeed.Select(b => (JsonNode)new JsonObject
                {
                    ["seed"] = b.Seed,
                    ["verdict"] = b.Result.Verdict.Text(),
                    ["effect"] = ResultsJson.Finite(b.Result.Effect),
                    ["ci95"] = b.Result.Ci95 is null ? null : new JsonArray(ResultsJson.Finite(b.Result.Ci95[0]), ResultsJson.Finite(b.Result.Ci95[1])),
                    ["reason"] = b.Result.Reason,
                })]),
            })]),
        };
    }
}
