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

        var pooled = AttackMetrics.Compute(scores.Values, population.Keep);
        var perTarget = new AttackMetrics[population.Models];
        var examples = population.Examples;
        for (var m = 0; m < population.Models; m++)
        {
            perTarget[m] = AttackMetrics.Compute(
                scores.Values.AsSpan(m * examples, examples), population.Keep.AsSpan(m * examples, examples));
        }

        return new AttackOutcome(attack.Name, scores.Values, pooled, perTarget);
    }
}
