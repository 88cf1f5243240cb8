using MiaRepro.Attacks;
using MiaRepro.Populations;

namespace MiaRepro.Results;

/// <summary>One recipe's trained population and every attack's outcome on it.</summary>
public sealed record RecipeOutcome(TrainedPopulation Trained, AttackSuite Suite)
{
    public IReadOnlyDictionary<string, AttackOutcome> Attacks => Suite.Outcomes;
}
