using MiaRepro.Recipes;

namespace MiaRepro.Populations;

/// <summary>A recipe's population after training: the attack's view of it (with logits) and each model's record.</summary>
public sealed record TrainedPopulation(Recipe Recipe, Population Population, IReadOnlyList<ModelRecord> Models)
{
    /// <summary>Where the models came from; not part of the results, which never depend on it.</summary>
    public StoreUse Store { get; init; } = StoreUse.None(Models.Count);

    public double TrainAccuracy => Models.Average(m => m.TrainAccuracy);

    public double TestAccuracy => Models.Average(m => m.TestAccuracy);

    public double GeneralizationGap => TrainAccuracy - TestAccuracy;
}
