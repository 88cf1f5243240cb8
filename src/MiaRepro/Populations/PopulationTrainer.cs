using MiaRepro.Recipes;
using MiaRepro.Signals;
using MiaRepro.Training;
using static TorchSharp.torch;

namespace MiaRepro.Populations;

/// <summary>
/// Trains every model of one recipe's population (its <see cref="TrainingCase"/>s) on its keep row, or takes it
/// from the store when an identical model was trained before, and turns each model's logits into the membership
/// signal φ (float64).
/// </summary>
public static class PopulationTrainer
{
    /// <param name="context">The data, device, query views and store every model of the population shares.</param>
    /// <param name="keep">The keep matrix, [models, examples] in C order (at least <paramref name="models"/> rows).</param>
    /// <param name="workers">
    /// Models trained at once. On CPU each model runs on one torch thread (see <see cref="Runs.RunData.Prepare"/>), so
    /// training <c>threads</c> models side by side keeps every core busy where one small model cannot, and the results
    /// do not depend on the number of workers. Use 1 on a GPU.
    /// </param>
    /// <param name="twins">Twin models to train after the population (<see cref="TwinModels"/>); at most <paramref name="models"/>.</param>
    public static TrainedPopulation Train(
        Recipe recipe, TrainingContext context, bool[] keep, int models, long masterSeed,
        IProgress<PopulationProgress>? progress = null, int workers = 1, int twins = 0)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegative(twins);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(twins, models);

        var data = context.Data;
        var queries = context.Queries.Queries;
        var examples = data.Population.Count;
        // Models 0 … models − 1, then twins 0 … twins − 1 on the keep rows of models 0 … twins − 1.
        var cases = ModelSlot.Of(recipe.Name, models, twins).Select(slot => TrainingCase.Of(recipe, slot, masterSeed, keep, examples)).ToArray();
        var labels = data.Population.Labels.cpu().data<long>().ToArray();
        var scores = new double[(long)cases.Length * examples * queries];
        var logits = new float[(long)models * examples * queries * data.Classes];
        var records = new ModelRecord[cases.Length];
        var store = TrainEach(context, cases, workers, progress, (i, outcome) =>
        {
            var (training, result) = (cases[i], outcome.Result);
            if (!training.Slot.Twin)
            {
                result.Logits.CopyTo(logits, (long)training.Slot.Model * result.Logits.Length);
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

            records[i] = new ModelRecord(
                training.Slot.Model, training.Seed, result.TrainAccuracy, result.TestAccuracy, result.StopEpoch, result.EpochsRun,
                result.BestValidationLoss, training.Members, outcome.Seconds);
        });

        var cells = models * examples * queries;
        var population = new Population(recipe.Name, models, examples, queries, keep, scores[..cells], labels, logits, data.Classes);
        return new TrainedPopulation(recipe, population, records[..models])
        {
            Store = store,
            Twins = twins == 0 ? null : new TwinModels(twins, scores[cells..], records[models..]),
        };
    }

    /// <summary>
    /// Trains each of <paramref name="cases"/> (or takes it from the store) on <paramref name="workers"/> threads
    /// and hands case i's outcome to <paramref name="use"/> (on the thread that trained it) as soon as it is ready.
    /// <paramref name="progress"/> hears each epoch and each model done, counted over <paramref name="cases"/>.
    /// A population is its recipe's cases; a sweep's shard is its share of the run's cases.
    /// </summary>
    /// <returns>How many models the store supplied and how many were trained, and what it discarded as damaged.</returns>
    public static StoreUse TrainEach(
        TrainingContext context, IReadOnlyList<TrainingCase> cases, int workers, IProgress<PopulationProgress>? progress,
        Action<int, CaseOutcome>? use = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cases);
        var total = cases.Count;
        var fromStore = new bool[total];
        var discarded = new List<string>[total];
        var done = 0;
        var report = progress is null ? null : new LockedProgress<PopulationProgress>(progress);
        ForEachModel(total, workers, i =>
        {
            var training = cases[i];
            var (name, epochs) = (training.Recipe.Name, training.Recipe.Epochs);
            discarded[i] = [];
            // Models train side by side, so an epoch's report carries the count of models done, not the model's index.
            var epochReport = report is null
                ? null
                : new SynchronousProgress<EpochProgress>(e => report.Report(new PopulationProgress(name, Volatile.Read(ref done), total, e.Epoch, e.Epochs)));
            var outcome = context.TrainOrReuse(training, epochReport, discarded[i]);
            fromStore[i] = outcome.FromStore;
            use?.Invoke(i, outcome);
            report?.Report(new PopulationProgress(name, Interlocked.Increment(ref done), total, 0, epochs));
        });

        var reused = fromStore.Count(f => f);
        return new StoreUse(context.Store?.Root, reused, total - reused, [.. discarded.SelectMany(d => d)]);
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
}
