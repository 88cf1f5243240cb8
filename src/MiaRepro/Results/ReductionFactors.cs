using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Recipes;

namespace MiaRepro.Results;

/// <summary>
/// The reduction factor of each recipe against the baseline for the scale's LiRA attack at 0.1% and 1% FPR, with the
/// same paired bootstrap as the claims (<see cref="PairedBootstrap"/>: the same keep matrix, targets and examples
/// resampled together, the run's replicates and bootstrap seed), through the analysis's <see cref="PairedComparisons"/> —
/// so the combined recipe's factor at 0.1% is C3's, computed once. Part of the analysis, not of the report.
/// </summary>
public static class ReductionFactors
{
    public const string Baseline = RecipeCatalog.Baseline;

    public static IReadOnlyList<double> Fprs { get; } = [OperatingPoints.Headline, OperatingPoints.OnePercent];

    /// <param name="outcomes">Every recipe's outcome, in the run's order.</param>
    /// <param name="attack">The attack the claims are decided with (<see cref="ScaleProfile.LiraAttack"/>).</param>
    /// <param name="comparisons">The analysis's comparisons, those the claims made among them.</param>
    public static ReductionTable Compute(IReadOnlyDictionary<string, RecipeOutcome> outcomes, string attack, PairedComparisons comparisons)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(comparisons);
        if (!outcomes.TryGetValue(Baseline, out var baseline))
        {
            return new ReductionTable(attack, Baseline, Fprs, [], $"the run has no {Baseline} recipe to compare with");
        }

        if (!baseline.Attacks.ContainsKey(attack))
        {
            var reason = baseline.Suite.Unavailable.GetValueOrDefault(attack) ?? "not in the run's attacks";
            return new ReductionTable(attack, Baseline, Fprs, [], $"{attack} could not run on {Baseline}: {reason}");
        }

        var rows = outcomes
            .Where(r => r.Key != Baseline)
            .Select(r => new RecipeReduction(r.Key, [.. Fprs.Select(f => Compare(baseline, r.Value, attack, f, comparisons))]))
            .ToList();
        return new ReductionTable(attack, Baseline, Fprs, rows, null);
    }

    private static ReductionAt Compare(RecipeOutcome baselineRecipe, RecipeOutcome recipe, string attack, double fpr, PairedComparisons comparisons)
    {
        if (!recipe.Attacks.TryGetValue(attack, out var outcome))
        {
            return new ReductionAt(fpr, null, $"{attack} could not run: {recipe.Suite.Unavailable.GetValueOrDefault(attack)}");
        }

        var population = recipe.Trained.Population;
        if (!baselineRecipe.Trained.Population.Keep.AsSpan().SequenceEqual(population.Keep))
        {
            return new ReductionAt(fpr, null, $"{recipe.Trained.Recipe.Name} and {Baseline} do not share a keep matrix, so they cannot be paired");
        }

        var baseline = baselineRecipe.Attacks[attack];
        if (baseline.Pooled.TprAtFpr.Concat(outcome.Pooled.TprAtFpr).FirstOrDefault(t => t.Fpr == fpr && t.Tpr is null) is { } missing)
        {
            return new ReductionAt(fpr, null, missing.Reason);
        }

        var comparison = comparisons.Tpr(baseline.Scores, outcome.Scores, population.Keep, population.Models, population.Examples, fpr);
        return new ReductionAt(fpr, comparison, null);
    }
}
