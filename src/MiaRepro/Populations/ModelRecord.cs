namespace MiaRepro.Populations;

/// <summary>One trained model of a population, as written to <c>models.json</c> and <c>results.json</c>.</summary>
public sealed record ModelRecord(
    int Index,
    long Seed,
    double TrainAccuracy,
    double TestAccuracy,
    int StopEpoch,
    int EpochsRun,
    double? BestValidationLoss,
    int Members,
    double Seconds);
