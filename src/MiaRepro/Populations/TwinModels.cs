namespace MiaRepro.Populations;

/// <summary>
/// A recipe's twin models (claim C4): twin t trained on the keep row of population model t with its own seed, so
/// the two differ only in training randomness (initialization, data order, augmentation and dropout draws). They are
/// not part of the <see cref="Population"/> the attacks see, so no attack uses them as targets or shadows.
/// </summary>
/// <param name="Count">How many twins: models 0 … Count − 1 of the population each have one.</param>
/// <param name="Scores">[Count, Examples, Queries], C order: φ of every twin, as the population's scores.</param>
/// <param name="Models">Each twin's record; its <see cref="ModelRecord.Index"/> is the population model it twins.</param>
public sealed record TwinModels(int Count, double[] Scores, IReadOnlyList<ModelRecord> Models);
