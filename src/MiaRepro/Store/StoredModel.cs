using MiaRepro.Training;

namespace MiaRepro.Store;

/// <summary>A model as the store hands it back: its training result (without weights) and how long it took to train.</summary>
public sealed record StoredModel(TrainingResult Result, double Seconds);
