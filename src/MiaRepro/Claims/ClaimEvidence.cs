using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;

namespace MiaRepro.Claims;

/// <summary>
/// What the claims are decided from: every recipe's trained population and attack outcomes, with the analysis's
/// cache of paired comparisons. A working context of the analysis stage (a class, not a value): the cache fills as
/// claims ask, and the analysis reads the reduction factors from the same cache, so nothing is bootstrapped twice.
/// </summary>
public sealed class ClaimEvidence(
    IReadOnlyDictionary<string, TrainedPopulation> populations,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttackOutcome>> attacks,
    int bootstrapReplicates,
    long seed)
{
    public IReadOnlyDictionary<string, TrainedPopulation> Populations { get; } = populations;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttackOutcome>> Attacks { get; } = attacks;

    public int BootstrapReplicates { get; } = bootstrapReplicates;

    public long Seed { get; } = seed;

    /// <summary>The analysis's TPR comparisons, each bootstrapped once (the reduction factors read the claims' ones).</summary>
    public PairedComparisons Comparisons { get; } = new(bootstrapReplicates, (ulong)seed);

    /// <summary>
    /// The outcome of <paramref name="attack"/> on <paramref name="recipe"/>, or null with the reason it is missing
    /// (the recipe was not run, or the attack could not run on its population).
    /// </summary>
    public AttackOutcome? Outcome(string recipe, string attack, out string reason)
    {
        reason = string.Empty;
        if (!Attacks.TryGetValue(recipe, out var attacks))
        {
            reason = $"needs the recipe {recipe} in the run";
            return null;
        }

        if (!attacks.TryGetValue(attack, out var outcome))
        {
            reason = $"{attack} could not run on {recipe} (see attack_null_reasons in results.json)";
            return null;
        }

        return outcome;
    }

    /// <summary>Compares TPR at 0.1% FPR of two score sets on the same keep matrix, through <see cref="Comparisons"/>.</summary>
    public PairedComparison CompareTpr(AttackOutcome a, AttackOutcome b, Population population) =>
        Comparisons.Tpr(a.Scores, b.Scores, population.Keep, population.Models, population.Examples, LowFpr.Fpr);

    /// <summary>
    /// Compares a metric of two score sets on the same keep matrix (two recipes, or two attacks on one recipe) with
    /// the paired bootstrap of the run: the same replicates and seed for every claim.
    /// </summary>
    public PairedComparison Compare(AttackOutcome a, AttackOutcome b, Population population, Func<AttackMetrics, double?> metric) =>
        PairedBootstrap.Compare(
            a.Scores, b.Scores, population.Keep, population.Models, population.Examples, metric, BootstrapReplicates, (ulong)Seed);
}
