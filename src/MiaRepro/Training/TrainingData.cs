using System.Runtime.InteropServices;
using System.Security.Cryptography;
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
    private TrainingData(TensorSet population, TensorSet validation, TensorSet test, int classes, string identity)
    {
        Identity = identity;
        Population = population;
        Validation = validation;
        Test = test;
        Classes = classes;
    }

    public TensorSet Population { get; }

    public TensorSet Validation { get; }

    public TensorSet Test { get; }

    public int Classes { get; }

    /// <summary>
    /// What these tensors are, for keying stored models: SHA-256 (hex) of the dataset's content fingerprint and
    /// the population, validation and test indices.
    /// </summary>
    public string Identity { get; }

    public static TrainingData Create(
        Dataset dataset, IReadOnlyList<int> population, IReadOnlyList<int> validation, IReadOnlyList<int> test, Device device) =>
        new(
            TensorSet.From(dataset.Train, population, device),
            TensorSet.From(dataset.Train, validation, device),
            TensorSet.From(dataset.Test, test, device),
            dataset.Train.Classes,
            IdentityOf(DatasetFingerprint.Of(dataset), population, validation, test));

    private static string IdentityOf(string fingerprint, params IReadOnlyList<int>[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes("miarepro-training-data-v1/" + fingerprint));
        foreach (var part in parts)
        {
            hash.AppendData(BitConverter.GetBytes((long)part.Count));
            hash.AppendData(MemoryMarshal.AsBytes(part.ToArray().AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        Population.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
