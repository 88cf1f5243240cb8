using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>Every attack of the catalog run on one population: outcomes, and the reason for each attack that could not run.</summary>
public sealed record AttackSuite(IReadOnlyDictionary<string, AttackOutcome> Outcomes, IReadOnlyDictionary<string, string> Unavailable)
{
    public static AttackSuite Run(Population population, IReadOnlyList<IMembershipAttack>? attacks = null)
    {
        var outcomes = new Dictionary<string, AttackOutcome>();
        var unavailable = new Dictionary<string, string>();
        foreach (var attack in attacks ?? AttackCatalog.All)
        {
            if (attack.MissingInput(population) is { } reason)
            {
                unavailable[attack.Name] = reason;
            }
            else
            {
                outcomes[attack.Name] = AttackEvaluation.Run(attack, population);
            }
        }

        return new AttackSuite(outcomes, unavailable);
    }
}
