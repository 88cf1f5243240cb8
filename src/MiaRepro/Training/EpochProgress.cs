namespace MiaRepro.Training;

/// <summary>Reported after every epoch of a model's training.</summary>
public sealed record EpochProgress(int Epoch, int Epochs, double TrainLoss, double? ValidationLoss);
