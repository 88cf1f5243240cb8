using System.Globalization;
using FluentAssertions;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Registration;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Testing.Baselines;

namespace MiaRepro.Tests.Attacks;

/// <summary>
/// The regression check of the attacks, metrics and claims, which no CPU can move because nothing here trains: the
/// four smoke recipes' populations of one run (seed 0, portable CPU kernels; <c>Fixtures/smoke-seed0</c>: keep,
/// scores, labels and models.json of each, logits of the baseline) are attacked and decided exactly as a reproduction
/// does, and every number is compared with <c>baselines/fixture</c> to 1e-9. Changing an attack's formula, a metric or
/// a claim's statistic fails here with one line per moved number, naming the recipe, the attack and the metric.
/// </summary>
public sealed class FrozenPopulationTests
{
    public static string FixtureRoot => Path.Combine(AppContext.BaseDirectory, "Fixtures", "smoke-seed0");

    [Fact]
    public void Every_attack_metric_and_claim_matches_the_baseline()
    {
        // Given the frozen populations
        var populations = ScaleProfile.Smoke.Recipes.ToDictionary(r => r, Load);

        // When they are attacked and the claims decided as a smoke reproduction at seed 0 does
        var analysis = Reproduction.Analyse(populations, ScaleProfile.Smoke, 1000, RunSettings.DeriveBootstrapSeed(0));

        // Then every number is the committed one
        var check = Fixtures.Check($"{nameof(FrozenPopulationTests)}.{nameof(Every_attack_metric_and_claim_matches_the_baseline)}",
            Numbers(analysis), BaselineFolder.AcceptFromEnvironment);
        check.Matches.Should().BeTrue(check.Message);
    }

    [Fact]
    public void The_sensitivity_table_decides_every_attack_claim_under_each_convention_and_rmia()
    {
        // Given the frozen populations, attacked and decided as a smoke reproduction does
        var populations = ScaleProfile.Smoke.Recipes.ToDictionary(r => r, Load);
        var analysis = Reproduction.Analyse(populations, ScaleProfile.Smoke, 200, RunSettings.DeriveBootstrapSeed(0));

        // Then the table has the registered attack and its reference, LeakPro and RMIA counterparts, in that order
        analysis.Sensitivity.Select(r => (r.Attack, r.Convention, r.Registered)).Should().Equal(
            ("lira-online-global", "miarepro", true),
            ("lira-online-global-reference", "reference", false),
            ("lira-online-global-leakpro", "leakpro", false),
            ("rmia-online", "rmia", false));

        // And each row decides the claims that use an attack (not C4, which measures the shadow distributions)
        foreach (var row in analysis.Sensitivity)
        {
            row.Claims.Select(c => c.Id).Should().Equal(["C0", "C1", "C2", "C3a", "C3b", "C5"], row.Attack);
            row.Claims.Should().OnlyContain(c => c.Measure.Contains(row.Attack, StringComparison.Ordinal), "each claim names the attack it was decided from");
        }

        // And the registered row is the run's own verdicts
        analysis.Sensitivity[0].Claims.Should().Equal(analysis.Claims.Where(c => c.Id != "C4"));
    }

    [Fact]
    public void No_fixture_baseline_is_dangling()
    {
        // Given the tests of this class, when baselines/fixture is searched for verified files no test names
        var tests = typeof(FrozenPopulationTests).GetMethods().Where(m => m.GetCustomAttributes(typeof(FactAttribute), false).Length > 0)
            .Select(m => $"{nameof(FrozenPopulationTests)}.{m.Name}");
        var dangling = Fixtures.Dangling(tests);

        // Then there are none
        dangling.Should().BeEmpty("a baseline whose test was renamed or removed must be deleted or renamed with it");
    }

    private static BaselineFolder Fixtures => new(Path.Combine(RepositoryRoot(), "baselines"), "fixture", BaselineRule.Within(1e-9));

    /// <summary>
    /// Per recipe and attack: AUC, balanced accuracy, TPR at every standard FPR (null when unmeasurable) and the 95%
    /// intervals of the AUC and of the TPR at 0.1%; an attack that could not run, with its reason. Per claim: the
    /// verdict, the effect and its interval, and its parts'; the pre-registration's SHA-256.
    /// </summary>
    public static Snapshot Numbers(RunAnalysis analysis)
    {
        var texts = new List<KeyValuePair<string, string>>();
        var numbers = new List<KeyValuePair<string, double?>>();
        void Add(string key, double? value) => numbers.Add(KeyValuePair.Create(key, value));
        foreach (var (recipe, outcome) in analysis.Outcomes)
        {
            foreach (var (attack, o) in outcome.Attacks)
            {
                var prefix = $"{recipe}.{attack}";
                Add($"{prefix}.auc", o.Pooled.Auc);
                Add($"{prefix}.balanced_accuracy", o.Pooled.BalancedAccuracy);
                foreach (var t in o.Pooled.TprAtFpr)
                {
                    Add($"{prefix}.tpr_at_fpr_{t.Fpr.ToString("0.#####", CultureInfo.InvariantCulture)}", t.Tpr);
                }

                Add($"{prefix}.auc_ci95_lower", o.Ci95?.Auc.Lower);
                Add($"{prefix}.auc_ci95_upper", o.Ci95?.Auc.Upper);
                Add($"{prefix}.tpr_at_fpr_0.001_ci95_lower", o.Ci95?.Tpr(0.001)?.Lower);
                Add($"{prefix}.tpr_at_fpr_0.001_ci95_upper", o.Ci95?.Tpr(0.001)?.Upper);
            }

            foreach (var (attack, reason) in outcome.Suite.Unavailable)
            {
                texts.Add(KeyValuePair.Create($"{recipe}.{attack}.unavailable", reason));
            }
        }

        foreach (var claim in analysis.Claims)
        {
            texts.Add(KeyValuePair.Create($"{claim.Id}.verdict", claim.Verdict.ToString().ToLowerInvariant()));
            Add($"{claim.Id}.effect", claim.Effect);
            Add($"{claim.Id}.ci95_lower", claim.Ci95?[0]);
            Add($"{claim.Id}.ci95_upper", claim.Ci95?[1]);
            foreach (var part in claim.Parts)
            {
                Add($"{claim.Id}.{part.Name}.effect", part.Effect);
                Add($"{claim.Id}.{part.Name}.ci95_lower", part.Ci95?[0]);
                Add($"{claim.Id}.{part.Name}.ci95_upper", part.Ci95?[1]);
            }
        }

        texts.Add(KeyValuePair.Create("preregistration_sha256", Preregistration.Current.Sha256));

        foreach (var row in analysis.Sensitivity.Where(r => !r.Registered))
        {
            foreach (var claim in row.Claims)
            {
                var prefix = $"sensitivity.{row.Attack}.{claim.Id}";
                texts.Add(KeyValuePair.Create($"{prefix}.verdict", claim.Verdict.ToString().ToLowerInvariant()));
                Add($"{prefix}.effect", claim.Effect);
                Add($"{prefix}.ci95_lower", claim.Ci95?[0]);
                Add($"{prefix}.ci95_upper", claim.Ci95?[1]);
            }
        }

        return Snapshot.Of(texts, numbers);
    }

    /// <summary>A fixture recipe as a trained population: the folder, its recipe, and its models' records.</summary>
    private static TrainedPopulation Load(string recipe)
    {
        var folder = PopulationFolder.Read(Path.Combine(FixtureRoot, recipe));
        var p = folder.Population;
        var records = folder.Models.Select(m => new ModelRecord(
            m.Index, m.Seed!.Value, m.TrainAccuracy!.Value, m.TestAccuracy!.Value, m.StopEpoch!.Value, m.StopEpoch!.Value, null,
            Members: Enumerable.Range(0, p.Examples).Count(i => p.Keep[(m.Index * p.Examples) + i]), Seconds: 0)).ToList();
        return new TrainedPopulation(RecipeCatalog.Create(recipe, ScaleProfile.Smoke), p, records);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiaRepro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside a MiaRepro checkout: baselines/ is not found.");
    }
}
