using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiaRepro.Claims;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Runs;

namespace MiaRepro.Reports;

/// <summary>Builds <c>results.json</c> in SPEC.md's layout (stable field names; extra fields are additions).</summary>
public static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static JsonObject Build(ReproductionResult result)
    {
        var settings = result.Settings;
        var recipes = new JsonObject();
        foreach (var (name, outcome) in result.Recipes)
        {
            var trained = outcome.Trained;
            var attacks = new JsonObject();
            foreach (var (attack, o) in outcome.Attacks)
            {
                var pooled = Metrics(o.Pooled);
                pooled["per_target"] = new JsonArray([.. o.PerTarget.Select((m, i) => Target(i, m))]);
                attacks[attack] = pooled;
            }

            foreach (var (attack, _) in outcome.Suite.Unavailable)
            {
                attacks[attack] = null;
            }

            recipes[name] = new JsonObject
            {
                ["recipe_hash"] = trained.Recipe.Hash,
                ["recipe"] = JsonSerializer.SerializeToNode(trained.Recipe, SnakeCase),
                ["train_accuracy"] = trained.TrainAccuracy,
                ["test_accuracy"] = trained.TestAccuracy,
                ["generalization_gap"] = trained.GeneralizationGap,
                ["models"] = new JsonArray([.. trained.Models.Select(Model)]),
                ["attacks"] = attacks,
            };
            if (outcome.Suite.Unavailable.Count > 0)
            {
                ((JsonObject)recipes[name]!)["attack_null_reasons"] = new JsonObject(
                    [.. outcome.Suite.Unavailable.Select(u => KeyValuePair.Create<string, JsonNode?>(u.Key, u.Value))]);
            }
        }

        return new JsonObject
        {
            ["dataset"] = settings.Dataset,
            ["scale"] = settings.Scale.Name,
            ["device"] = result.Device,
            ["seed"] = settings.Seed,
            ["seeds"] = new JsonObject { ["master"] = settings.Seed, ["keep"] = result.KeepSeed, ["split"] = result.SplitSeed },
            ["threads"] = settings.Threads,
            ["models_per_recipe"] = settings.Scale.Models,
            ["population"] = settings.Scale.Population,
            ["queries"] = settings.Queries,
            ["epochs"] = settings.Scale.Epochs,
            ["dataset_source"] = result.DatasetSource,
            ["versions"] = Versions(),
            ["stage_seconds"] = new JsonObject([.. result.StageSeconds.Select(s => KeyValuePair.Create<string, JsonNode?>(s.Key, s.Value))]),
            ["recipes"] = recipes,
            ["claims"] = new JsonArray([.. result.Claims.Select(Claim)]),
        };
    }

    public static JsonObject Metrics(AttackMetrics metrics)
    {
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

        var node = new JsonObject
        {
            ["auc"] = metrics.Auc,
            ["balanced_accuracy"] = metrics.BalancedAccuracy,
            ["tpr_at_fpr"] = tpr,
        };
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

    private static JsonObject Target(int model, AttackMetrics metrics)
    {
        var node = Metrics(metrics);
        node.Remove("tpr_at_fpr_null_reasons");
        node["model"] = model;
        return node;
    }

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

    private static JsonObject Claim(ClaimResult c) => new()
    {
        ["id"] = c.Id,
        ["statement"] = c.Statement,
        ["verdict"] = c.Verdict.ToString().ToLowerInvariant(),
        ["effect"] = Finite(c.Effect),
        ["ci95"] = c.Ci95 is null ? null : new JsonArray(Finite(c.Ci95[0]), Finite(c.Ci95[1])),
        ["threshold"] = c.Threshold,
        ["measure"] = c.Measure,
        ["reason"] = c.Reason,
    };

    private static JsonObject Versions() => new()
    {
        ["miarepro"] = typeof(ResultsJson).Assembly.GetName().Version?.ToString(),
        ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(),
        ["dotnet"] = Environment.Version.ToString(),
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
    };
}
