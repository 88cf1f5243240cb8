using MiaRepro.Recipes;

namespace MiaRepro.Runs;

/// <summary>
/// The measured cost of training steps of one architecture at one input shape: SGD steps (forward, backward,
/// update) on random data, after one untimed warm-up step.
/// </summary>
public sealed record ModelCostProbeResult(
    ModelSpec Model,
    long Parameters,
    int Channels,
    int Size,
    int Classes,
    int BatchSize,
    int Batches,
    double Seconds,
    double SecondsPerBatch,
    double ImagesPerSecond,
    int Threads,
    string Device);
