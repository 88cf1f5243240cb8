namespace MiaRepro.Training;

/// <summary>What one trained model leaves behind once its weights are gone.</summary>
/// <param name="Logits">[examples, queries, classes], C order: the model's logits on every population example and query view.</param>
/// <param name="TrainAccuracy">Accuracy on the population examples the model trained on (identity view).</param>
/// <param name="TestAccuracy">Accuracy on the test set.</param>
/// <param name="StopEpoch">The epoch whose weights were kept (1-based): the best epoch under early stopping, else the last.</param>
/// <param name="EpochsRun">Epochs actually trained.</param>
/// <param name="Weights">The final weights in TorchSharp's state format (<c>Module.save</c>); null when read back from a store.</param>
public sealed record TrainingResult(
    float[] Logits,
    int Queries,
    int Classes,
    double TrainAccuracy,
    double TestAccuracy,
    int StopEpoch,
    int EpochsRun,
    double? BestValidationLoss,
    byte[]? Weights = null);
