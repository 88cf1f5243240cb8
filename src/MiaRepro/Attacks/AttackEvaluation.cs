using MiaRepro.Metrics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>Runs an attack on a population and measures it, pooled over targets and per target.</summary>
public static class AttackEvaluation
{
    /// <exception cref="InputException">The population cannot support the attack or per-target metrics.</exception>
    public static AttackOutcome Run(IMembershipAttack attack, Population population)
    {
        ArgumentNullException.ThrowIfNull(attack);
        PopulationValidation.RequireMembersAndNonMembersPerModel(population);
        var scores = attack.Score(population);
        if (scores.Models != population.Models || scores.Examples != population.Examples || scores.Values.Length != population.Keep.Length)
        {
            throw new InvalidOperationException($"Attack '{attack.Name}' returned scores of the wrong shape.");
        }

        return Measure(attack.Name, scores, population);
    }

    /// <summary>The metrics of an attack's scores: all targets pooled into one ROC, and each target alone.</summary>
    public static AttackOutcome Measure(string attack, AttackScores scores, Population population)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(population);
        // The pooled ROC's split and walk are sequential; the per-target ROCs fill the other cores meanwhile.
        AttackMetrics? pooled = null;
        AttackMetrics[]? perTarget = null;
        Parallel.Invoke(
            () => pooled = AttackMetrics.Compute(scores.Values, population.Keep),
            () => perTarget = AttackMetrics.ComputeRows(scores.Values, population.Keep, population.Models));
        return new AttackOutcome(attack, scores.Values, pooled!, perTarget!);
    }
}
