using System.Text.Json.Nodes;
using FluentAssertions;
using MiaRepro.Attacks;
using MiaRepro.Cli;
using MiaRepro.IO;
using MiaRepro.Populations;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Tests.Attacks;
using MiaRepro.Tests.Populations;

namespace MiaRepro.Tests.Cli;

/// <summary><c>miarepro attack</c> and <c>miarepro export</c> on population folders written by another tool.</summary>
[Collection(nameof(SerialConsole))]
public sealed class CliAttackTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string PopulationDir => Path.Combine(_folder.Path, "their-recipe");

    private string OutDir => Path.Combine(_folder.Path, "out");

    private static Population Synthetic() => SyntheticPopulation.Gaussian(models: 6, examples: 40, queries: 2, shift: 1.0, seed: 9);

    private static (int Code, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Attack_writes_one_recipe_named_after_the_folder_with_the_suites_numbers()
    {
        // Given
        var population = Synthetic();
        PopulationFiles.Write(PopulationDir, population);

        // When
        var (code, _) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir);

        // Then
        code.Should().Be(ExitCodes.Ran);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "results.json")))!;
        var recipes = results["recipes"]!.AsObject();
        recipes.Select(r => r.Key).Should().Equal("their-recipe");
        var recipe = recipes["their-recipe"]!;
        recipe["train_accuracy"].Should().BeNull("models.json is absent, so the accuracy is unknown");
        var expected = AttackSuite.Run(population);
        recipe["attacks"]!.AsObject().Select(a => a.Key).Should().BeEquivalentTo(AttackCatalog.Names);
        foreach (var (name, outcome) in expected.Outcomes)
        {
            recipe["attacks"]![name]!["auc"]!.GetValue<double>().Should().Be(outcome.Pooled.Auc);
        }

        File.ReadAllText(Path.Combine(OutDir, "report.md")).Should().Contain("their-recipe").And.Contain("lira-online");
    }

    [Fact]
    public void The_rmia_option_sets_the_authors_rmia_and_results_json_records_it()
    {
        // Given a population with logits
        var population = PopulationFiles.WithLogits(Synthetic(), classes: 3);
        PopulationFiles.Write(PopulationDir, population);

        // When the authors' RMIA runs with γ = 1 and no trimming
        var (code, _) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir, "--replicates", "0", "--rmia", "gamma=1, trim=0");

        // Then its scores are those of the library with these settings, and its parameters are written beside them
        code.Should().Be(ExitCodes.Ran);
        var online = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "results.json")))!["recipes"]!["their-recipe"]!["attacks"]!["rmia-online-authors"]!;
        var expected = AttackEvaluation.Run(new RmiaAuthorsAttack(true, RmiaSettings.Authors with { Gamma = 1, TrimFraction = 0 }), population);
        online["auc"]!.GetValue<double>().Should().Be(expected.Pooled.Auc);
        online["auc"]!.GetValue<double>().Should().NotBe(AttackEvaluation.Run(new RmiaAuthorsAttack(true), population).Pooled.Auc);
        var parameters = online["parameters"]!.AsObject();
        parameters["gamma"]!.GetValue<double>().Should().Be(1);
        parameters["trim"]!.GetValue<double>().Should().Be(0);
        parameters["temperature"]!.GetValue<double>().Should().Be(2);
    }

    [Theory]
    [InlineData("gama=1", "unknown setting 'gama'")]
    [InlineData("gamma", "KEY=VALUE")]
    [InlineData("trim=0.6", "trimmed fraction")]
    [InlineData("taylor-order=2.5", "whole number")]
    public void A_bad_rmia_setting_exits_2_naming_it(string setting, string message)
    {
        PopulationFiles.Write(PopulationDir, Synthetic());

        var (code, error) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir, "--rmia", setting);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--rmia").And.Contain(message);
        Directory.Exists(OutDir).Should().BeFalse("nothing is written before the settings are known to be valid");
    }

    [Fact]
    public void Attack_on_constant_outputs_gives_every_attack_auc_one_half()
    {
        // Given a population whose 16 models give every example the same logits
        PopulationFiles.Write(PopulationDir, SyntheticPopulation.WithLogits(16, 400, queries: 2, classes: 10, shift: 0.0, seed: 31, difficultySpread: 0.0, noise: 0.0));

        // When every attack runs through the command line
        var (code, _) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir, "--replicates", "0");

        // Then none tells members from non-members (shokri's fitted attack models vary a little with their rows)
        code.Should().Be(ExitCodes.Ran);
        var attacks = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "results.json")))!["recipes"]!["their-recipe"]!["attacks"]!.AsObject();
        attacks.Select(a => a.Key).Should().BeEquivalentTo(AttackCatalog.Names);
        foreach (var (name, node) in attacks)
        {
            node!["auc"]!.GetValue<double>().Should().BeApproximately(0.5, name == "shokri" ? 0.005 : 0.0, name);
        }
    }

    [Fact]
    public void Attack_on_outputs_independent_of_membership_is_at_chance()
    {
        // Given 16 models × 7,500 examples whose outputs vary by model, example and query but not with membership
        PopulationFiles.Write(PopulationDir, SyntheticPopulation.WithLogits(16, 7_500, queries: 2, classes: 10, shift: 0.0, seed: 32));

        // When every attack runs through the command line
        var (code, _) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir, "--replicates", "0");

        // Then every AUC is one half and every TPR at 1% FPR about 1%, to sampling error (120,000 scores, correlated
        // within an example; NullPopulationTests bounds the same over 8 populations and K = 6, 16, 64)
        code.Should().Be(ExitCodes.Ran);
        var attacks = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "results.json")))!["recipes"]!["their-recipe"]!["attacks"]!.AsObject();
        foreach (var (name, node) in attacks)
        {
            node!["auc"]!.GetValue<double>().Should().BeApproximately(0.5, 0.01, name);
            node["tpr_at_fpr"]!["0.01"]!.GetValue<double>().Should().BeInRange(0.005, 0.015, name);
        }
    }

    [Fact]
    public void Attack_writes_95_percent_intervals_beside_auc_and_tpr_seeded_by_the_seed_option()
    {
        // Given 120 non-member cells: TPR at 10% FPR is measurable, at 1% it is not
        var population = Synthetic();
        PopulationFiles.Write(PopulationDir, population);

        // When
        var (code, _) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir, "--replicates", "200", "--seed", "3");

        // Then
        code.Should().Be(ExitCodes.Ran);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "results.json")))!;
        var lira = results["recipes"]!["their-recipe"]!["attacks"]!["lira-online"]!;
        var auc = lira["auc"]!.GetValue<double>();
        var ci = lira["auc_ci95"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        ci.Should().HaveCount(2);
        auc.Should().BeInRange(ci[0], ci[1]);
        lira["tpr_at_fpr_ci95"]!["0.1"]!.AsArray().Should().HaveCount(2);
        lira["tpr_at_fpr_ci95"]!.AsObject().Should().ContainKey("0.01");
        lira["tpr_at_fpr_ci95"]!["0.01"].Should().BeNull("the TPR itself is null");
        lira["ci95_replicates"]!.GetValue<int>().Should().Be(200);
        results["seeds"]!["bootstrap"]!.GetValue<long>().Should().Be(RunSettings.DeriveBootstrapSeed(3));
        File.ReadAllText(Path.Combine(OutDir, "report.md")).Should().Contain("TPR@0.1% FPR, 95% CI");
    }

    [Fact]
    public void Attack_with_no_replicates_writes_no_intervals()
    {
        PopulationFiles.Write(PopulationDir, Synthetic());

        var (code, _) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir, "--replicates", "0");

        code.Should().Be(ExitCodes.Ran);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(OutDir, "results.json")))!;
        results["recipes"]!["their-recipe"]!["attacks"]!["loss"]!.AsObject().Should().NotContainKey("auc_ci95");
        results["seeds"].Should().BeNull();
    }

    [Fact]
    public void Attack_on_a_malformed_npy_exits_2_naming_the_file()
    {
        // Given
        PopulationFiles.Write(PopulationDir, Synthetic());
        File.WriteAllText(Path.Combine(PopulationDir, "scores.npy"), "not numpy");

        // When
        var (code, error) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir);

        // Then
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("scores.npy");
        File.Exists(Path.Combine(OutDir, "results.json")).Should().BeFalse();
    }

    [Fact]
    public void Attack_on_finite_but_extreme_phi_exits_2_naming_the_cell_instead_of_producing_NaN_scores()
    {
        // Given a population with one φ of 1e155 (finite, far beyond what float32 logits can give)
        var population = Synthetic();
        population.Scores[7] = 1e155;
        PopulationFiles.Write(PopulationDir, population);

        // When
        var (code, error) = Run("attack", "--population-dir", PopulationDir, "--out", OutDir);

        // Then the input is refused, naming the cell and the bound; nothing is written
        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("model 0, example 3, query 1").And.Contain("1E+155").And.Contain("within ±1e39").And.NotContain("NaN");
        File.Exists(Path.Combine(OutDir, "results.json")).Should().BeFalse();
    }

    [Fact]
    public void Attack_on_a_missing_folder_exits_2_naming_it()
    {
        var (code, error) = Run("attack", "--population-dir", Path.Combine(_folder.Path, "no-such-population"), "--out", OutDir);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("no-such-population");
    }

    [Fact]
    public void Attack_without_population_is_bad_usage()
    {
        var (code, error) = Run("attack", "--out", OutDir);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("--population-dir");
    }

    [Theory]
    [InlineData("attack")]
    [InlineData("export")]
    public void The_old_spelling_of_the_population_folder_option_is_refused_with_a_pointer(string command)
    {
        // --population is reproduce's example count; attack and export take the folder as --population-dir
        var (code, error) = Run(command, "--population", PopulationDir, "--out", OutDir);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain($"miarepro {command} --population-dir {PopulationDir}");
        Directory.Exists(OutDir).Should().BeFalse();
    }

    [Fact]
    public void Export_writes_the_lira_reference_layout()
    {
        // Given
        var population = PopulationFiles.WithLogits(Synthetic(), classes: 3);
        PopulationFiles.Write(PopulationDir, population);

        // When
        var (code, _) = Run("export", "--population-dir", PopulationDir, "--format", "lira-reference", "--out", OutDir);

        // Then
        code.Should().Be(ExitCodes.Ran);
        var (m, n, q, c) = (population.Models, population.Examples, population.Queries, population.Classes);
        Npy.Read(Path.Combine(OutDir, "y_train.npy")).Shape.Should().Equal(n);
        for (var i = 0; i < m; i++)
        {
            var experiment = Path.Combine(OutDir, $"experiment-{i}");
            var keep = Npy.Read(Path.Combine(experiment, "keep.npy"));
            keep.Shape.Should().Equal(n);
            ((bool[])keep.Data).Should().Equal(population.Keep.Skip(i * n).Take(n));
            var scores = Npy.Read(Path.Combine(experiment, "scores", "0000000100.npy"));
            scores.DType.Should().Be(NpyDType.Float64);
            scores.Shape.Should().Equal(n, q); // what score.py writes and plot.py stacks into [models, examples, queries]
            ((double[])scores.Data).Should().Equal(population.Scores.Skip(i * n * q).Take(n * q));
            var logits = Npy.Read(Path.Combine(experiment, "logits", "0000000100.npy"));
            logits.Shape.Should().Equal(n, 1, q, c);
            ((float[])logits.Data).Should().Equal(population.Logits!.Skip(i * n * q * c).Take(n * q * c));
        }
    }

    [Fact]
    public void Export_into_a_used_folder_leaves_only_the_new_export()
    {
        // Given an export of a population, then of one with fewer models, into the same folder
        PopulationFiles.Write(PopulationDir, Synthetic());
        Run("export", "--population-dir", PopulationDir, "--format", "lira-reference", "--out", OutDir).Code.Should().Be(ExitCodes.Ran);
        var models = Directory.EnumerateDirectories(OutDir, "experiment-*").Count();
        var smaller = Path.Combine(_folder.Path, "smaller");
        PopulationFiles.Write(smaller, SyntheticPopulation.Gaussian(4, 200, 2, shift: 1.0, seed: 3));

        // When
        var (code, _) = Run("export", "--population-dir", smaller, "--format", "lira-reference", "--out", OutDir);

        // Then no experiment folder of the larger export survives, and a folder of the user's is refused
        code.Should().Be(ExitCodes.Ran);
        models.Should().BeGreaterThan(4);
        Directory.EnumerateDirectories(OutDir, "experiment-*").Should().HaveCount(4);
        File.WriteAllText(Path.Combine(OutDir, "notes.txt"), "mine");
        Run("export", "--population-dir", smaller, "--format", "lira-reference", "--out", OutDir).Code.Should().Be(ExitCodes.BadInput);
    }

    [Fact]
    public void Export_without_logits_writes_no_logits_folder()
    {
        PopulationFiles.Write(PopulationDir, Synthetic());

        var (code, _) = Run("export", "--population-dir", PopulationDir, "--format", "lira-reference", "--out", OutDir);

        code.Should().Be(ExitCodes.Ran);
        Directory.Exists(Path.Combine(OutDir, "experiment-0", "logits")).Should().BeFalse();
        File.Exists(Path.Combine(OutDir, "experiment-5", "scores", "0000000100.npy")).Should().BeTrue();
    }

    [Fact]
    public void Export_to_an_unknown_format_exits_2_listing_the_valid_ones()
    {
        PopulationFiles.Write(PopulationDir, Synthetic());

        var (code, error) = Run("export", "--population-dir", PopulationDir, "--format", "tfrecord", "--out", OutDir);

        code.Should().Be(ExitCodes.BadInput);
        error.Should().Contain("tfrecord").And.Contain("lira-reference");
    }
}
