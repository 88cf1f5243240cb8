using MiaRepro.Training;

namespace MiaRepro.Store;

/// <summary>
/// Where a population's models are looked up and kept: the content-addressed <see cref="ModelStore"/>, or a
/// read-only view of stored models (the shards of a sweep, which supply every model and train none).
/// </summary>
public interface IModelStore
{
    /// <summary>The folder (or folders) the models live in, for the console; never part of the results.</summary>
    string Root { get; }

    /// <summary>
    /// The model stored under <paramref name="key"/>, verified against its manifest; a miss, or an artifact that
    /// failed verification (<see cref="StoreLookup.Discarded"/>), otherwise.
    /// </summary>
    StoreLookup Find(ModelKey key, int examples, int queries, int classes);

    /// <summary>Keeps a freshly trained model under <paramref name="key"/>.</summary>
    void Save(ModelKey key, string recipe, TrainingResult result, double seconds);
}
