using MiaRepro.Data;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>
/// The images a population is trained and measured on, converted once to float tensors scaled to [−1, 1] and
/// held on the training device: the population (training pool), the validation set (early stopping) and the
/// test set (test accuracy).
/// </summary>
public sealed class TrainingData : IDisposable
{
    private TrainingData(TensorSet population, TensorSet validation, TensorSet test, int classes)
    {
        Population = population;
        Validation = validation;
        Test = test;
        Classes = classes;
    }

    public TensorSet Population { get; }

    public TensorSet Validation { get; }

    public TensorSet Test { get; }

    public int Classes { get; }

    public static TrainingData Create(
        Dataset dataset, IReadOnlyList<int> population, IReadOnlyList<int> validation, IReadOnlyList<int> test, Device device) =>
        new(
            TensorSet.From(dataset.Train, population, device),
            TensorSet.From(dataset.Train, validation, device),
            TensorSet.From(dataset.Test, test, device),
            dataset.Train.Classes);

    public void Dispose()
    {
        Population.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
