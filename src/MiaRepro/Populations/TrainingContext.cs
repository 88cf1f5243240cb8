using System.Diagnostics;
using MiaRepro.Store;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Populations;

/// <summary>
/// What every <see cref="TrainingCase"/> of a run shares: the training data, the device, the query views scored
/// and the model store (none: every model is trained and kept only in memory).
/// </summary>
public sealed record TrainingContext(TrainingData Data, Device Device, QueryGrid Queries, IModelStore? Store = null)
{
    /// <summary>
    /// The device part of a stored model's key. On CPU every model trains on one torch thread (models run side by
    /// side instead; see <see cref="Runs.RunData.Workers"/>), so its results do not depend on the thread count asked for;
    /// they depend on the CPU kernels (<see cref="CpuKernelSelection.Identity"/>: the pin, or the native kernels and CPU).
    /// </summary>
    public static string DeviceIdentity(Device device) =>
        device.type == TorchSharp.DeviceType.CPU
            ? $"cpu:1-threads:{CpuKernels.Current.Identity}"
            : device.type.ToString().ToLowerInvariant();

    /// <summary>The store key of <paramref name="training"/>'s model: everything its weights and scores depend on.</summary>
    public ModelKey KeyOf(TrainingCase training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new(
            Data.Identity, ModelKey.HashKeepRow(training.KeepRow.Span), training.Recipe.Hash, training.Seed,
            Queries.Queries, Queries.Padding, Trainer.Version, DeviceIdentity(Device));
    }

    /// <summary>
    /// <paramref name="training"/>'s model: from the store when it holds the model, else trained (and stored). What
    /// the store discarded as damaged on the way is added to <paramref name="discarded"/>.
    /// </summary>
    public CaseOutcome TrainOrReuse(TrainingCase training, IProgress<EpochProgress>? progress, ICollection<string> discarded)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(discarded);
        ModelKey? key = null;
        if (Store is not null)
        {
            key = KeyOf(training);
            var lookup = Store.Find(key, Data.Population.Count, Queries.Queries, Data.Classes);
            if (lookup.Discarded is { } reason)
            {
                discarded.Add(reason);
            }

            if (lookup.Model is { } stored)
            {
                return new CaseOutcome(stored.Result, stored.Seconds, FromStore: true);
            }
        }

        var watch = Stopwatch.StartNew();
        var result = Trainer.Train(training.Recipe, Data, training.KeepRow.Span, training.Seed, Device, Queries, progress);
        var seconds = watch.Elapsed.TotalSeconds;
        Store?.Save(key!, training.Recipe.Name, result, seconds);
        return new CaseOutcome(result with { Weights = null }, seconds, FromStore: false);
    }
}

/// <summary>A <see cref="TrainingCase"/>'s model: its training result (without weights), its training time, and whether the store supplied it.</summary>
public sealed record CaseOutcome(TrainingResult Result, double Seconds, bool FromStore);
