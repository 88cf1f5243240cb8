using MiaRepro.Recipes;

namespace MiaRepro.Populations;

/// <summary>A recipe's population after training: the attack's view of it, the full logits and each model's record.</summary>
/// <param name="Logits">[models, examples, queries, classes] float32 in C order.</param>
public sealed record TrainedPopulation(Recipe Recipe, Population Population, float[] Logits, int Classes, IReadOnlyList<ModelRecord> Models)
{
    public double TrainAccuracy => Models.Average(m => m.TrainAccuracy);

    public double TestAccuracy => Models.Average(m => m.TestAccuracy);

    public double GeneralizationGap => TrainAccuracy - TestAccuracy;
}
