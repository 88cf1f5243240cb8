using System.Text;
using System.Text.Json.Nodes;
using MiaRepro.IO;
using MiaRepro.Reports;
using static System.FormattableString;

namespace MiaRepro.Coverage;

/// <summary>
/// Writes a coverage measurement under its output folder: <c>coverage.md</c> (per part and per kind of part, the
/// intervals formed, how many hold the other populations' estimate, and that rate beside what a calibrated interval
/// gives) and <c>coverage.json</c>, the same with every population's source and seed.
/// </summary>
public static class CoverageOutput
{
    public static void Write(CoverageResult result, IReadOnlyList<MeasuredPopulation> populations, string outDir)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(populations);
        AtomicFile.WriteAllText(Path.Combine(outDir, "coverage.md"), Markdown(result, populations));
        AtomicFile.WriteAllText(Path.Combine(outDir, "coverage.json"), Json(result, populations).ToJsonString(JsonText.Indented));
    }

    /// <summary>A rate as "93.1% (1,234 of 1,325)".</summary>
    public static string Rate(int covered, int intervals) =>
        intervals > 0 ? Invariant($"{(double)covered / intervals:0.0%} ({covered:N0} of {intervals:N0})") : "—";

    public static string Markdown(CoverageResult result, IReadOnlyList<MeasuredPopulation> populations)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(populations);
        var md = new StringBuilder();
        md.AppendLine("# MiaRepro coverage of the replicated intervals").AppendLine();
        md.AppendLine(Invariant($"{result.Populations} independent populations of one design ({populations[0].Design}), master seeds {string.Join(", ", populations.Select(p => p.Seed))}. "))
            .AppendLine(Invariant($"Every one of the {result.Subsets:N0} subsets of {result.Replicates} populations forms each part's interval as a claims-scale run of {result.Replicates} replicates does; ") +
                Invariant($"it is compared with the same part's estimate from the other {result.Populations - result.Replicates} populations."))
            .AppendLine();
        md.AppendLine(Invariant($"A calibrated 95% interval holds that estimate {result.Expected:0.0%} of the time (the estimate has its own noise); ") +
            Invariant($"widened by √(1 + R/(N − R)) = {ReplicateCoverage.AdjustedWidth(result.Populations, result.Replicates):0.###} for that noise, 95%. ") +
            "The subsets overlap: a rate is as precise as about N / R disjoint designs per part, more when parts are pooled.").AppendLine();
        md.AppendLine("| claim | part | kind | intervals | hold the others' estimate | widened for its noise | not formed |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var p in result.Kinds.Concat(result.Parts))
        {
            md.AppendLine(Invariant($"| {p.Claim} | {p.Part} | {p.Kind} | {p.Intervals:N0} | {Rate(p.Covered, p.Intervals)} | {Rate(p.CoveredAdjusted, p.Intervals)} | {p.NotFormed:N0} |"));
        }

        md.AppendLine().AppendLine(Invariant($"Expected for a calibrated interval: {result.Expected:0.0%} and 95.0%. Populations read:")).AppendLine();
        foreach (var p in populations)
        {
            md.AppendLine(Invariant($"- seed {p.Seed}: `{p.Source}`"));
        }

        return md.ToString();
    }

    public static JsonObject Json(CoverageResult result, IReadOnlyList<MeasuredPopulation> populations)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(populations);
        return new JsonObject
        {
            ["design"] = populations[0].Design,
            ["populations"] = new JsonArray([.. populations.Select(p => (JsonNode)new JsonObject { ["seed"] = p.Seed, ["source"] = p.Source })]),
            ["replicates"] = result.Replicates,
            ["subsets"] = result.Subsets,
            ["expected_rate"] = result.Expected,
            ["adjusted_width"] = ReplicateCoverage.AdjustedWidth(result.Populations, result.Replicates),
            ["kinds"] = new JsonArray([.. result.Kinds.Select(Part)]),
            ["parts"] = new JsonArray([.. result.Parts.Select(Part)]),
        };
    }

    private static JsonNode Part(PartCoverage p) => new JsonObject
    {
        ["claim"] = p.Claim,
        ["part"] = p.Part,
        ["kind"] = p.Kind.ToString(),
        ["intervals"] = p.Intervals,
        ["covered"] = p.Covered,
        ["rate"] = ResultsJson.Finite(p.Rate),
        ["covered_adjusted"] = p.CoveredAdjusted,
        ["adjusted_rate"] = ResultsJson.Finite(p.AdjustedRate),
        ["not_formed"] = p.NotFormed,
    };
}
