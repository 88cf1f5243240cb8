using System.Diagnostics;
using MiaRepro.Recipes;
using MiaRepro.Seeds;
using MiaRepro.Signals;
using MiaRepro.Store;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Populations;

/// <summary>
/// Trains every model of one recipe's population on its keep row (or takes it from the store when an identical
/// model was trained before) and turns each model's logits into the membership signal φ (float64). Model
/// <c>m</c>'s seed depends only on the master seed and <c>m</c>, so two recipes compared with each other start
/// from the same initial weights (a paired design).
/// </summary>
public static class PopulationTrainer
{
    public static long ModelSeed(long masterSeed, int model) => SeedSequence.Derive(masterSeed, "model", model);

    /// <summary>
    /// The device part of a stored model's key. On CPU every model trains on one torch thread (models run side by
    /// side instead; see <see cref="Runs.RunData.Workers"/>), so its results do not depend on the thread count asked for;
    /// they depend on the CPU kernels (<see cref="CpuKernelSelection.Identity"/>: the pin, or the native kernels and CPU).
    /// </summary>
    public static string DeviceIdentity(Device device) =>
        device.type == TorchSharp.DeviceType.CPU
            ? $"cpu:1-threads:{CpuKernels.Current.Identity}"
            : device.type.ToString().ToLowerInvariant();

    public static ModelKey KeyOf(Recipe recipe, TrainingData data, ReadOnlySpan<bool> keepRow, long seed, QueryGrid queries, Device device) =>
        new(data.Identity, ModelKey.HashKeepRow(keepRow), recipe.Hash, seed, queries.Queries, queries.Padding, Trainer.Version, DeviceIdentity(device));

    /// <summary>The seed of twin <paramref name="twin"/>: another training of model <paramref name="twin"/>'s keep row (claim C4).</summary>
    public static long TwinSeed(long masterSeed, int twin) => SeedSequence.Derive(masterSeed, "twin", twin);

    /// <param name="workers">
    /// Models trained at once. On CPU each model runs on one torch thread (see <see cref="Runs.RunData.Prepare"/>), so
    /// training <c>threads</c> models side by side keeps every core busy where one small model cannot, and the results
    /// do not depend on the number of workers. Use 1 on a GPU.
    /// </param>
    /// <param name="twins">Twin models to train after the population (<see cref="TwinModels"/>); at most <paramref name="models"/>.</param>
    public static TrainedPopulation Train(
        Recipe recipe, TrainingData data, bool[] keep, int models, long masterSeed, Device device, QueryGrid grid,
        IProgress<PopulationProgress>? progress = null, IModelStore? store = null, int workers = 1, int twins = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegative(twins);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(twins, models);

        // Models 0 … models − 1, then twins 0 … twins − 1 on the keep rows of models 0 … twins − 1.
        var total = models + twins;
        var queries = grid.Queries;
        var examples = data.Population.Count;
        var labels = data.Population.Labels.cpu().data<long>().ToArray();
        var scores = new double[(long)total * examples * queries];
        var logits = new float[(long)models * examples * queries * data.Classes];
        var records = new ModelRecord[total];
        var fromStore = new bool[total];
        var discarded = new List<string>[total];
        var done = 0;
        var report = progress is null ? null : new LockedProgress<PopulationProgress>(progress);

        // Models train side by side, so a model's epoch reports carry the count of models done, not its index.
        var epochs = report is null ? null : new SynchronousProgress<PopulationProgress>(p => report.Report(p with { ModelsDone = Volatile.Read(ref done) }));
        ForEachModel(total, workers, i =>
        {
            var m = i < models ? i : i - models;
            var seed = i < models ? ModelSeed(masterSeed, m) : TwinSeed(masterSeed, m);
            var keepRow = keep.AsSpan(m * examples, examples);
            discarded[i] = [];
            var (result, seconds, stored) = TrainOrReuse(recipe, data, keepRow, seed, device, grid, i, total, epochs, store, discarded[i]);
            fromStore[i] = stored;
            if (i < models)
            {
                result.Logits.CopyTo(logits, (long)m * result.Logits.Length);
            }

            var phi = scores.AsSpan(i * examples * queries, examples * queries);
            for (var n = 0; n < examples; n++)
            {
                for (var q = 0; q < queries; q++)
                {
                    var row = result.Logits.AsSpan(((n * queries) + q) * data.Classes, data.Classes);
                    phi[(n * queries) + q] = LogitSignals.Phi(row, labels[n]);
                }
            }

            var members = 0;
            foreach (var k in keepRow)
            {
                members += k ? 1 : 0;
            }

            records[i] = new ModelRecord(
                m, seed, result.TrainAccuracy, result.TestAccuracy, result.StopEpoch, result.EpochsRun,
                result.BestValidationLoss, members, seconds);
            report?.Report(new PopulationProgress(recipe.Name, Interlocked.Increment(ref done), total, 0, recipe.Epochs));
        });

        var reused = fromStore.Count(f => f);
        var cells = models * examples * queries;
        var population = new Population(recipe.Name, models, examples, queries, keep, scores[..cells], labels, logits, data.Classes);
        return new TrainedPopulation(recipe, population, records[..models])
        {
            Store = new StoreUse(store?.Root, reused, total - reused, [.. discarded.SelectMany(d => d)]),
            Twins = twins == 0 ? null : new TwinModels(twins, scores[cells..], records[models..]),
        };
    }

    /// <summary>
    /// Runs <paramref name="train"/> for every model on <paramref name="workers"/> threads of its own, which take the
    /// models in order and end with the population; a failure stops the others from starting new models and surfaces
    /// as the exception the model threw (e.g. <see cref="InputException"/> for a damaged read-only store), not wrapped.
    /// <para>
    /// Not the thread pool: it adds threads while long work items run, and every thread that allocates gets a malloc
    /// arena of its own that stays with it, so a run's resident memory grew with the number of models trained
    /// (<c>scripts/measure-rss.sh</c>, 240 models, two workers: 0.78 GB after 4 models, a peak of 1.44 GB after 166; on
    /// two threads of its own, 0.78 GB after 11 and at most 0.96 GB to the end). Threads that end give their arenas back
    /// for the next population's threads.
    /// </para>
    /// </summary>
    internal static void ForEachModel(int models, int workers, Action<int> train)
    {
        var next = -1;
        Exception? failure = null;
        void Work()
        {
            while (Volatile.Read(ref failure) is null)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= models)
                {
                    return;
                }

                try
                {
                    train(i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    return;
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Min(workers, models))
            .Select(w => new Thread(Work) { IsBackground = true, Name = $"miarepro-train-{w}" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Model <paramref name="model"/> of <paramref name="models"/>: from the store when it holds the model, else
    /// trained (and stored). Also trains one share of a sweep's models at a time.
    /// </summary>
    internal static (TrainingResult Result, double Seconds, bool FromStore) TrainOrReuse(
        Recipe recipe, TrainingData data, ReadOnlySpan<bool> keepRow, long seed, Device device, QueryGrid queries,
        int model, int models, IProgress<PopulationProgress>? progress, IModelStore? store, List<string> discarded)
    {
        var key = store is null ? null : KeyOf(recipe, data, keepRow, seed, queries, device);
        if (store is not null)
        {
            var lookup = store.Find(key!, data.Population.Count, queries.Queries, data.Classes);
            if (lookup.Discarded is { } reason)
            {
                discarded.Add(reason);
            }

            if (lookup.Model is { } stored)
            {
                return (stored.Result, stored.Seconds, true);
            }
        }

        var watch = Stopwatch.StartNew();
        var result = Trainer.Train(recipe, data, keepRow, seed, device, queries, new SynchronousProgress<EpochProgress>(e =>
            progress?.Report(new PopulationProgress(recipe.Name, model, models, e.Epoch, e.Epochs))));
        var seconds = watch.Elapsed.TotalSeconds;
        store?.Save(key!, recipe.Name, result, seconds);
        return (result with { Weights = null }, seconds, false);
    }
}
