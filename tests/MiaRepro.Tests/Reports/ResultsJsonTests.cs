using FluentAssertions;
using MiaRepro.Metrics;
using MiaRepro.Reports;

namespace MiaRepro.Tests.Reports;

public sealed class ResultsJsonTests
{
    private static readonly AttackMetrics Measured = new(
        100,
        2000,
        0.75,
        0.7,
        [new(0.1, 0.4, null), new(0.01, 0.05, null), new(0.001, null, "needs ≥ 10000 non-members, have 2000"), new(0.0001, null, "x"), new(0.00001, null, "y")]);

    [Fact]
    public void A_reproduction_opens_with_its_run_description_the_one_serialization_of_its_settings()
    {
        // Given a synthetic reproduction
        var result = SyntheticRun.Create(Path.Combine(Path.GetTempPath(), "unused"));

        // When
        var json = ResultsJson.Build(new RunReport(result, ReportSupplement.None));

        // Then the leading fields are the description's, in docs/output.md's order, and the rest follow
        var description = result.Description.ToJson();
        description.Select(p => p.Key).Should().Equal(
            "dataset", "scale", "device", "seed", "seeds", "bootstrap_replicates", "threads", "cpu_kernels",
            "models_per_recipe", "population", "queries", "epochs", "dataset_source", "images");
        description["seeds"]!.AsObject().Select(p => p.Key).Should().Equal("master", "keep", "split", "bootstrap");
        description["cpu_kernels"]!.AsObject().Select(p => p.Key).Should().Equal(
            "mode", "aten_capability", "onednn_max_isa", "mkl_branch", "cpu", "store_identity");
        json.Take(description.Count).Select(p => (p.Key, p.Value?.ToJsonString())).Should().Equal(
            description.Select(p => (p.Key, p.Value?.ToJsonString())));
        json.Skip(description.Count).Select(p => p.Key).Should().StartWith(["versions", "preregistration", "stage_seconds", "recipes", "claims", "sensitivity"]);
        result.Description.Sentence().Should().Contain($"master seed {result.Settings.Seed} (keep {result.KeepSeed}, split {result.SplitSeed}");
    }

    [Fact]
    public void Intervals_sit_beside_the_numbers_they_bound_and_are_null_where_the_tpr_is()
    {
        // Given intervals for AUC and the two measurable TPRs, with 7 replicates left out at 1% FPR
        var intervals = new MetricIntervals(
            new Interval(0.7, 0.8),
            [new(0.1, new Interval(0.3, 0.5), 0), new(0.01, new Interval(0.02, 0.09), 7), new(0.001, null, 0), new(0.0001, null, 0), new(0.00001, null, 0)],
            1000);

        // When
        var node = ResultsJson.Metrics(Measured, intervals);

        // Then
        node.Select(p => p.Key).Should().Equal(
            "auc", "auc_ci95", "balanced_accuracy", "tpr_at_fpr", "tpr_at_fpr_ci95", "ci95_replicates", "tpr_at_fpr_ci95_undefined", "tpr_at_fpr_null_reasons");
        node["auc_ci95"]!.AsArray().Select(v => v!.GetValue<double>()).Should().Equal(0.7, 0.8);
        node["tpr_at_fpr_ci95"]!.AsObject().Select(p => p.Key).Should().Equal("0.1", "0.01", "0.001", "0.0001", "0.00001");
        node["tpr_at_fpr_ci95"]!["0.01"]!.AsArray().Select(v => v!.GetValue<double>()).Should().Equal(0.02, 0.09);
        node["tpr_at_fpr_ci95"]!["0.001"].Should().BeNull();
        node["ci95_replicates"]!.GetValue<int>().Should().Be(1000);
        node["tpr_at_fpr_ci95_undefined"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<int>())).Should().Equal(("0.01", 7));
    }

    [Fact]
    public void Without_intervals_the_metrics_object_is_unchanged()
    {
        var node = ResultsJson.Metrics(Measured);

        node.Select(p => p.Key).Should().Equal("auc", "balanced_accuracy", "tpr_at_fpr", "tpr_at_fpr_null_reasons");
    }
}
