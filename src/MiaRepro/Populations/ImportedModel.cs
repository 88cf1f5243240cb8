namespace MiaRepro.Populations;

/// <summary>
/// One model of an imported population as far as its <c>models.json</c> tells: every field another tool may leave
/// out is null, never guessed.
/// </summary>
public sealed record ImportedModel(int Index, long? Seed, double? TrainAccuracy, double? TestAccuracy, int? StopEpoch);
