namespace MiaRepro.Runs;

/// <summary>One recipe's measured training throughput (evaluation of the population's queries included).</summary>
public sealed record TrainingThroughput(
    string Recipe,
    int Models,
    int Epochs,
    long Images,
    double Seconds,
    double ImagesPerSecond,
    double ModelsPerHour,
    int Threads,
    string Device);
