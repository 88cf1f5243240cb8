using MiaRepro.Recipes;

namespace MiaRepro.Populations;

/// <summary>A recipe's population after training: the attack's view of it (with logits), each model's record, and its twins if any.</summary>
public sealed record TrainedPopulation(Recipe Recipe, Population Population, IReadOnlyList<ModelRecord> Models)
{
    /// <summary>Where the models came from; not part of the results, which never depend on it.</summary>
    public StoreUse Store { get; init; } = StoreUse.None(Models.Count);

    /// <summary>Twin models of some of the population's models (claim C4), or null when the recipe has none.</summary>
    public TwinModels? Twins { get; init; }

    public double TrainAccuracy => Models.Average(m => m.TrainAccuracy);

    public double TestAccuracy => Models.Average(m => m.TestAccuracy);

    public double GeneralizationGap => TrainAccuracy - TestAccuracy;
}
