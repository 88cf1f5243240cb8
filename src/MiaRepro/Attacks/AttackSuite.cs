using MiaRepro.Metrics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>Every attack of the catalog run on one population: outcomes, and the reason for each attack that could not run.</summary>
public sealed record AttackSuite(IReadOnlyDictionary<string, AttackOutcome> Outcomes, IReadOnlyDictionary<string, string> Unavailable)
{
    /// <summary>The settings of the attacks that have any (<see cref="IMembershipAttack.Parameters"/>), by attack.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Parameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

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

        return new AttackSuite(outcomes, unavailable)
        {
            Parameters = (attacks ?? AttackCatalog.All).Where(a => a.Parameters.Count > 0).ToDictionary(a => a.Name, a => a.Parameters),
        };
    }

    /// <summary>
    /// The same suite with every outcome's 95% bootstrap intervals (<see cref="MetricBootstrap"/>): targets and
    /// examples of <paramref name="population"/> resampled <paramref name="replicates"/> times from
    /// <paramref name="seed"/>, the same draws for every attack.
    /// </summary>
    public AttackSuite WithIntervals(Population population, int replicates, long seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (Outcomes.Count == 0)
        {
            return this;
        }

        var outcomes = Outcomes.ToList();
        var intervals = MetricBootstrap.Intervals(
            [.. outcomes.Select(o => o.Value.Scores)], population.Keep, population.Models, population.Examples, replicates, (ulong)seed);
        return this with
        {
            Outcomes = outcomes.Zip(intervals).ToDictionary(p => p.First.Key, p => p.First.Value with { Ci95 = p.Second }),
        };
    }
}
