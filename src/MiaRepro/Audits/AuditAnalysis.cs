using MiaRepro.Attacks;
using MiaRepro.Claims;
using MiaRepro.Metrics;
using MiaRepro.Numerics;
using MiaRepro.Recipes;
using MiaRepro.Results;
using MiaRepro.Seeds;

namespace MiaRepro.Audits;

/// <summary>
/// What <c>miarepro audit</c> concludes from a reproduction of the baseline and the audited recipes, all from its
/// populations and the analysis's reduction factors: per audited recipe the verdict (its reduction factor against the
/// baseline, LiRA TPR at 0.1% FPR, with the paired interval) and its test-accuracy cost with a bootstrap interval; per
/// recipe the empirical ε, the TPR of each class, and the examples that leak most.
/// </summary>
public static class AuditAnalysis
{
    /// <summary>Examples shown per recipe in the leaking-examples grid.</summary>
    public const int LeakingCount = 12;

    /// <summary>The FPRs of the per-class table: 10%, 1% and the headline 0.1% (each measurable with ≥ 10/FPR non-member scores of the class).</summary>
    public static IReadOnlyList<double> ClassFprs { get; } = [OperatingPoints.TenPercent, OperatingPoints.OnePercent, OperatingPoints.Headline];

    /// <exception cref="ArgumentException">The result has no baseline or no recipe beside it.</exception>
    public static AuditSummary Analyse(ReproductionResult result, double delta)
    {
        ArgumentNullException.ThrowIfNull(result);
        var baselineName = RecipeCatalog.Baseline;
        if (!result.Recipes.TryGetValue(baselineName, out var baseline) || result.Recipes.Count < 2)
        {
            throw new ArgumentException("An audit compares recipes with the baseline: the run needs both.", nameof(result));
        }

        var attack = result.LiraAttack;
        var settings = result.Settings;
        var recipes = result.Recipes.Select(r => RecipeOf(r.Key, r.Value, attack, delta)).ToList();
        var findings = result.Recipes.Where(r => r.Key != baselineName).Select(r => Finding(
            r.Key, result, baseline, r.Value, settings.BootstrapReplicates, SeedSequence.Derive(settings.BootstrapSeed, "audit-accuracy"))).ToList();
        var means = result.Recipes.ToDictionary(r => r.Key, r => MeanInScores(r.Value, attack));
        var leaking = result.Recipes.ToDictionary(r => r.Key, r => Leaking(means[r.Key], r.Value.Trained.Population.Labels, means));
        return new AuditSummary(attack, OperatingPoints.Headline, delta, findings, recipes, leaking);
    }

    private static AuditFinding Finding(string name, ReproductionResult result, RecipeOutcome baseline, RecipeOutcome recipe, int replicates, long seed)
    {
        var at = result.Reductions?.Rows.FirstOrDefault(r => r.Recipe == name)?.At.FirstOrDefault(a => a.Fpr == OperatingPoints.Headline);
        var reduction = at?.Comparison;
        var verdict = reduction is null
            ? Verdict.Inconclusive
            : reduction.RatioCi95.Lower > 1 ? Verdict.Supported : reduction.RatioCi95.Upper < 1 ? Verdict.Refuted : Verdict.Inconclusive;
        var why = reduction is null
            ? at?.Reason ?? result.Reductions?.Reason ?? "no reduction factor was computed"
            : null;
        return new AuditFinding(name, reduction, why, verdict, AccuracyCost(baseline, recipe, replicates, seed));
    }

    /// <summary>
    /// Baseline test accuracy − the recipe's (mean over models; above 0: the recipe costs accuracy), with the 95%
    /// percentile interval of a bootstrap that redraws each recipe's models.
    /// </summary>
    public static AccuracyCost AccuracyCost(RecipeOutcome baseline, RecipeOutcome recipe, int replicates, long seed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(recipe);
        var a = baseline.Trained.Models.Select(m => m.TestAccuracy).ToArray();
        var b = recipe.Trained.Models.Select(m => m.TestAccuracy).ToArray();
        var rng = new SplitMix64(unchecked((ulong)seed));
        var draws = new double[replicates];
        for (var r = 0; r < replicates; r++)
        {
            draws[r] = Resampled(a, ref rng) - Resampled(b, ref rng);
        }

        return new AccuracyCost(a.Average(), b.Average(), a.Average() - b.Average(), Interval.Percentile(draws), replicates);
    }

    private static double Resampled(double[] values, ref SplitMix64 rng)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[rng.NextInt(values.Length)];
        }

        return sum / values.Length;
    }

    private static AuditRecipe RecipeOf(string name, RecipeOutcome outcome, string attack, double delta)
    {
        var population = outcome.Trained.Population;
        if (!outcome.Suite.Outcomes.TryGetValue(attack, out var lira))
        {
            var why = outcome.Suite.Unavailable.TryGetValue(attack, out var reason) ? reason : $"{attack} did not run";
            return new AuditRecipe(name, outcome.Trained.TestAccuracy, null, why, []);
        }

        var epsilon = EmpiricalPrivacy.Of(lira.Scores, population.Keep, population.Models, population.Examples, delta);
        return new AuditRecipe(name, outcome.Trained.TestAccuracy, epsilon, epsilon is null ? "fewer than 2 target models" : null, PerClass(lira, population));
    }

    /// <summary>TPR at <see cref="ClassFprs"/> of the pooled test restricted to each class's examples.</summary>
    private static List<ClassTpr> PerClass(AttackOutcome lira, Populations.Population population)
    {
        var classes = (int)population.Labels.Max() + 1;
        var rows = new List<ClassTpr>();
        for (var c = 0; c < classes; c++)
        {
            var (scores, truth) = (new List<double>(), new List<bool>());
            for (var t = 0; t < population.Models; t++)
            {
                for (var e = 0; e < population.Examples; e++)
                {
                    var cell = (t * population.Examples) + e;
                    if (population.Labels[e] == c && double.IsFinite(lira.Scores[cell]))
                    {
                        scores.Add(lira.Scores[cell]);
                        truth.Add(population.Keep[cell]);
                    }
                }
            }

            var examples = population.Labels.Count(l => l == c);
            if (!truth.Contains(true) || !truth.Contains(false))
            {
                rows.Add(new ClassTpr(c, examples, truth.Count(x => x), truth.Count(x => !x), [.. ClassFprs.Select(f => new TprAtFpr(f, null, "no member or no non-member score of this class"))]));
                continue;
            }

            var metrics = AttackMetrics.Compute([.. scores], [.. truth]);
            rows.Add(new ClassTpr(
                c, examples, truth.Count(x => x), truth.Count(x => !x),
                [.. ClassFprs.Select(f => metrics.TprAtFpr.First(p => p.Fpr == f))]));
        }

        return rows;
    }

    /// <summary>
    /// The examples with the highest of <paramref name="own"/> — a recipe's mean LiRA score over the targets that trained
    /// on them — and the mean of the same examples under every recipe of the run (<paramref name="means"/>).
    /// </summary>
    private static IReadOnlyList<LeakingExample> Leaking(double[]? own, long[] labels, IReadOnlyDictionary<string, double[]?> means)
    {
        if (own is null)
        {
            return [];
        }

        return [.. Enumerable.Range(0, own.Length)
            .Where(e => double.IsFinite(own[e]))
            .OrderByDescending(e => own[e]).ThenBy(e => e)
            .Take(LeakingCount)
            .Select(e => new LeakingExample(e, labels[e], own[e], means.ToDictionary(m => m.Key, m => m.Value is { } s ? s[e] : double.NaN)))];
    }

    private static double[]? MeanInScores(RecipeOutcome outcome, string attack)
    {
        if (!outcome.Suite.Outcomes.TryGetValue(attack, out var lira))
        {
            return null;
        }

        var p = outcome.Trained.Population;
        var (sums, counts) = (new double[p.Examples], new int[p.Examples]);
        for (var t = 0; t < p.Models; t++)
        {
            for (var e = 0; e < p.Examples; e++)
            {
                var cell = (t * p.Examples) + e;
                if (p.Keep[cell] && double.IsFinite(lira.Scores[cell]))
                {
                    sums[e] += lira.Scores[cell];
                    counts[e]++;
                }
            }
        }

        return [.. sums.Select((s, e) => counts[e] > 0 ? s / counts[e] : double.NaN)];
    }
}
