using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Attacks;
using MiaRepro.Claims;
using MiaRepro.IO;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Results;

namespace MiaRepro.Reports;

/// <summary>Builds <c>results.json</c> in the layout docs/output.md describes (stable field names).</summary>
public static class ResultsJson
{
    /// <summary>
    /// <c>results.json</c> of a run — a reproduction's (<see cref="ReproductionResult"/>) or an attacked folder's
    /// (<see cref="AttackRun"/>) — with what the report made (<see cref="AddSupplement"/>).
    /// </summary>
    public static JsonObject Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = report.Summary switch
        {
            ReproductionResult result => Build(result),
            AttackRun run => Build(run),
            var other => throw new ArgumentException($"No results.json for a {other.GetType().Name}.", nameof(report)),
        };
        AddSupplement(json, report.Supplement);
        return json;
    }

    /// <summary>A reproduction's fields, the analysis's <c>reductions</c> among them.</summary>
    private static JsonObject Build(ReproductionResult result)
    {
        var settings = result.Settings;
        var recipes = new JsonObject();
        foreach (var (name, outcome) in result.Recipes)
        {
            var trained = outcome.Trained;
            var recipe = new JsonObject
            {
                ["recipe_hash"] = trained.Recipe.Hash,
                ["recipe"] = JsonSerializer.SerializeToNode(trained.Recipe, JsonText.SnakeCase),
                ["train_accuracy"] = trained.TrainAccuracy,
                ["test_accuracy"] = trained.TestAccuracy,
                ["generalization_gap"] = trained.GeneralizationGap,
                ["models"] = new JsonArray([.. trained.Models.Select(Model)]),
            };
            if (trained.Twins is { } twins)
            {
                recipe["twins"] = new JsonArray([.. twins.Models.Select(Model)]);
            }

            AddAttacks(recipe, outcome.Suite);
            recipes[name] = recipe;
        }

        var json = result.Description.ToJson();
        json["versions"] = Versions();
        json["preregistration"] = Preregistered(settings);
        json["stage_seconds"] = new JsonObject([.. result.StageSeconds.Select(s => KeyValuePair.Create<string, JsonNode?>(s.Key, s.Value))]);
        json["recipes"] = recipes;
        json["claims"] = new JsonArray([.. result.Claims.Select(Claim)]);
        json["sensitivity"] = new JsonArray([.. result.Sensitivity.Select(Sensitivity)]);
        if (result.Reductions is { } reductions)
        {
            json["reductions"] = Reductions(reductions);
        }

        return json;
    }

    /// <summary>
    /// <c>results.json</c> for <c>miarepro attack</c>: one recipe, named after the population folder. What the folder
    /// does not tell (accuracies without <c>models.json</c>, the dataset, the seeds) is null or left out, never guessed.
    /// </summary>
    private static JsonObject Build(AttackRun run)
    {
        var (folder, suite, bootstrapSeed) = run;
        var p = folder.Population;
        var recipe = new JsonObject
        {
            ["train_accuracy"] = folder.TrainAccuracy,
            ["test_accuracy"] = folder.TestAccuracy,
            ["generalization_gap"] = folder.GeneralizationGap,
            ["models"] = new JsonArray([.. folder.Models.Select(Model)]),
        };
        AddAttacks(recipe, suite);
        return new JsonObject
        {
            ["source"] = Path.GetFullPath(folder.Path),
            ["models_per_recipe"] = p.Models,
            ["population"] = p.Examples,
            ["queries"] = p.Queries,
            ["classes"] = p.Logits is null ? null : p.Classes,
            ["seeds"] = bootstrapSeed is null ? null : new JsonObject { ["bootstrap"] = bootstrapSeed },
            ["versions"] = Versions(),
            ["recipes"] = new JsonObject { [p.Name] = recipe },
            ["claims"] = new JsonArray(),
        };
    }

    /// <summary>
    /// Adds what the report made to <c>results.json</c>: <c>plots</c> (the PNGs written, relative to the output folder), <c>warnings</c> (plots that failed to render)
    /// and the report's own <c>stage_seconds</c>.
    /// </summary>
    private static void AddSupplement(JsonObject results, ReportSupplement supplement)
    {
        results["plots"] = new JsonArray([.. supplement.Plots.Where(p => p.Rendered).Select(p => (JsonNode?)p.Figure.RelativePath)]);
        results["warnings"] = new JsonArray([.. supplement.Warnings.Select(w => (JsonNode?)w)]);
        if (supplement.StageSeconds.Count > 0)
        {
            var stages = results["stage_seconds"] as JsonObject ?? new JsonObject();
            foreach (var (stage, seconds) in supplement.StageSeconds)
            {
                stages[stage] = seconds;
            }

            results["stage_seconds"] = stages;
        }
    }

    /// <summary>
    /// Adds a recipe's <c>attacks</c> (pooled metrics, <c>per_target</c> and the attack's <c>parameters</c> where it has
    /// any; null for an attack that could not run)
    /// and, when some could not, <c>attack_null_reasons</c>.
    /// </summary>
    public static void AddAttacks(JsonObject recipe, AttackSuite suite)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(suite);
        var attacks = new JsonObject();
        foreach (var (attack, o) in suite.Outcomes)
        {
            var pooled = Metrics(o.Pooled, o.Ci95);
            pooled["per_target"] = new JsonArray([.. o.PerTarget.Select((m, i) => Target(i, m))]);
            if (suite.Parameters.TryGetValue(attack, out var parameters))
            {
                pooled["parameters"] = new JsonObject([.. parameters.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value))]);
            }

            attacks[attack] = pooled;
        }

        foreach (var (attack, _) in suite.Unavailable)
        {
            attacks[attack] = null;
        }

        recipe["attacks"] = attacks;
        if (suite.Unavailable.Count > 0)
        {
            recipe["attack_null_reasons"] = new JsonObject(
                [.. suite.Unavailable.Select(u => KeyValuePair.Create<string, JsonNode?>(u.Key, u.Value))]);
        }
    }

    /// <summary>
    /// A metrics object: <c>auc</c>, <c>balanced_accuracy</c>, <c>tpr_at_fpr</c> (and the reasons for its nulls); with
    /// <paramref name="intervals"/>, also <c>auc_ci95</c>, <c>tpr_at_fpr_ci95</c> (null where the TPR is null),
    /// <c>ci95_replicates</c> and, where some replicates drew too few non-members for an FPR,
    /// <c>tpr_at_fpr_ci95_undefined</c> (how many were left out).
    /// </summary>
    public static JsonObject Metrics(AttackMetrics metrics, MetricIntervals? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var tpr = new JsonObject();
        var reasons = new JsonObject();
        foreach (var t in metrics.TprAtFpr)
        {
            var key = FprKey(t.Fpr);
            tpr[key] = t.Tpr;
            if (t.Tpr is null)
            {
                reasons[key] = t.Reason;
            }
        }

        var node = new JsonObject { ["auc"] = metrics.Auc };
        if (intervals is not null)
        {
            node["auc_ci95"] = Pair(intervals.Auc);
        }

        node["balanced_accuracy"] = metrics.BalancedAccuracy;
        node["tpr_at_fpr"] = tpr;
        if (intervals is not null)
        {
            node["tpr_at_fpr_ci95"] = new JsonObject(
                [.. intervals.TprAtFpr.Select(t => KeyValuePair.Create<string, JsonNode?>(FprKey(t.Fpr), t.Ci95 is null ? null : Pair(t.Ci95)))]);
            node["ci95_replicates"] = intervals.Replicates;
            var undefined = intervals.TprAtFpr.Where(t => t.Ci95 is not null && t.Undefined > 0).ToList();
            if (undefined.Count > 0)
            {
                node["tpr_at_fpr_ci95_undefined"] = new JsonObject(
                    [.. undefined.Select(t => KeyValuePair.Create<string, JsonNode?>(FprKey(t.Fpr), t.Undefined))]);
            }
        }

        if (reasons.Count > 0)
        {
            node["tpr_at_fpr_null_reasons"] = reasons;
        }

        return node;
    }

    /// <summary>
    /// JSON has no infinity: an unbounded value (a reduction factor whose denominator is 0) is written as null;
    /// the claim's reason says so in words.
    /// </summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>"0.1", "0.01", …, "0.00001": the FPR as a plain decimal.</summary>
    public static string FprKey(double fpr) => fpr.ToString("0.##########", CultureInfo.InvariantCulture);

    private static JsonArray Pair(Interval interval) => new(interval.Lower, interval.Upper);

    private static JsonObject Target(int model, AttackMetrics metrics)
    {
        var node = Metrics(metrics);
        node.Remove("tpr_at_fpr_null_reasons");
        node["model"] = model;
        return node;
    }

    private static JsonObject Model(ImportedModel m) => new()
    {
        ["index"] = m.Index,
        ["seed"] = m.Seed,
        ["train_accuracy"] = m.TrainAccuracy,
        ["test_accuracy"] = m.TestAccuracy,
        ["stop_epoch"] = m.StopEpoch,
    };

    private static JsonObject Model(ModelRecord m) => new()
    {
        ["index"] = m.Index,
        ["seed"] = m.Seed,
        ["train_accuracy"] = m.TrainAccuracy,
        ["test_accuracy"] = m.TestAccuracy,
        ["stop_epoch"] = m.StopEpoch,
        ["epochs_run"] = m.EpochsRun,
        ["best_validation_loss"] = m.BestValidationLoss,
        ["members"] = m.Members,
        ["seconds"] = m.Seconds,
    };

    /// <summary>A claim's verdict, numbers and parts (with each replicate's effect, for a replicated design's claim).</summary>
    public static JsonObject Claim(ClaimResult c) => new()
    {
        ["id"] = c.Id,
        ["statement"] = c.Statement,
        ["verdict"] = c.Verdict.Text(),
        ["effect"] = Finite(c.Effect),
        ["ci95"] = c.Ci95 is null ? null : new JsonArray(Finite(c.Ci95[0]), Finite(c.Ci95[1])),
        ["threshold"] = c.Threshold,
        ["measure"] = c.Measure,
        ["reason"] = c.Reason,
        ["ratio"] = c.Ratio,
        ["sides"] = Sides(c.Sides),
        ["parts"] = new JsonArray([.. c.Parts.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["measure"] = p.Measure,
            ["effect"] = Finite(p.Effect),
            ["ci95"] = p.Ci95 is null ? null : new JsonArray(Finite(p.Ci95[0]), Finite(p.Ci95[1])),
            ["threshold"] = p.Threshold,
            ["verdict"] = p.Verdict?.Text(),
            ["ratio"] = p.Ratio,
            ["sides"] = Sides(p.Sides),
        }.With(p.Replicates.Count > 0, "by_replicate", () => new JsonArray([.. p.Replicates.Select(v => (JsonNode?)Finite(v))])))]),
    };

    /// <summary>A ratio's two measured sides as [numerator, denominator] (what a replicated design pools), or null.</summary>
    private static JsonArray? Sides((double Numerator, double Denominator)? sides) =>
        sides is { } s ? new JsonArray(Finite(s.Numerator), Finite(s.Denominator)) : null;

    private static JsonObject With(this JsonObject node, bool when, string key, Func<JsonNode> value)
    {
        if (when)
        {
            node[key] = value();
        }

        return node;
    }

    /// <summary>Which pre-registration the claims were decided under: its path, version, SHA-256 and whether the scale's design is confirmatory.</summary>
    private static JsonObject Preregistered(RunSettings settings)
    {
        var r = MiaRepro.Registration.Preregistration.Current;
        var design = r.Scales.FirstOrDefault(d => d.Name == settings.Scale.Name);
        return new JsonObject
        {
            ["file"] = MiaRepro.Registration.Preregistration.RepositoryPath,
            ["version"] = r.Version,
            ["sha256"] = r.Sha256,
            ["confirmatory"] = design?.Confirmatory ?? false,
            ["confirming_seeds"] = new JsonArray([.. (design?.ConfirmingSeeds ?? []).Select(x => (JsonNode?)x)]),
            ["confirming_run"] = settings.Confirms,
        };
    }

    /// <summary>One attack's row of the sensitivity table: the attack, its convention, and each claim's verdict, effect and interval.</summary>
    private static JsonObject Sensitivity(ClaimSensitivity s) => new()
    {
        ["attack"] = s.Attack,
        ["convention"] = s.Convention,
        ["registered"] = s.Registered,
        ["claims"] = new JsonArray([.. s.Claims.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["verdict"] = c.Verdict.Text(),
            ["effect"] = Finite(c.Effect),
            ["ci95"] = c.Ci95 is null ? null : new JsonArray(Finite(c.Ci95[0]), Finite(c.Ci95[1])),
            ["threshold"] = c.Threshold,
        })]),
    };

    private static JsonObject Versions()
    {
        var v = RunVersions.Current;
        return new() { ["miarepro"] = v.MiaRepro, ["torchsharp"] = v.TorchSharp, ["dotnet"] = v.DotNet, ["os"] = v.Os };
    }

    private static JsonObject Reductions(ReductionTable table)
    {
        var recipes = new JsonObject();
        foreach (var row in table.Rows)
        {
            recipes[row.Recipe] = new JsonObject([.. row.At.Select(a => KeyValuePair.Create<string, JsonNode?>(FprKey(a.Fpr), Reduction(a)))]);
        }

        var node = new JsonObject { ["attack"] = table.Attack, ["baseline"] = table.Baseline, ["recipes"] = recipes };
        if (table.Reason is not null)
        {
            node["reason"] = table.Reason;
        }

        return node;
    }

    private static JsonObject Reduction(ReductionAt at) => at.Comparison is not { } c
        ? new JsonObject { ["factor"] = null, ["reason"] = at.Reason }
        : new JsonObject
        {
            ["baseline_tpr"] = c.A,
            ["tpr"] = c.B,
            ["factor"] = Finite(c.Ratio),
            ["ci95"] = new JsonArray(Finite(c.RatioCi95.Lower), Finite(c.RatioCi95.Upper)),
            ["replicates"] = c.Replicates,
            ["undefined"] = c.Undefined,
            ["excluded"] = c.Excluded,
        };
}
