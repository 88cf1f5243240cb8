using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// A membership-inference attack. It attacks every model of a population as the target in turn, using all
/// other models of the population as shadows (leave-one-out); a higher score means "more likely a member".
/// </summary>
public interface IMembershipAttack
{
    /// <summary>The stable name used on the command line and in results.json, e.g. <c>lira-online</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Why this attack cannot run on <paramref name="population"/> (e.g. it needs the full logits and the population
    /// has only φ), or null when it can. Reported as a null attack with this reason, not as an error.
    /// </summary>
    string? MissingInput(Population population) => null;

    /// <summary>The attack's settings by name (e.g. RMIA's <c>gamma</c>), recorded in results.json; empty when it has none.</summary>
    IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>();

    /// <exception cref="InputException">The population cannot support this attack (shape, NaN, too few shadows).</exception>
    AttackScores Score(Population population);
}
