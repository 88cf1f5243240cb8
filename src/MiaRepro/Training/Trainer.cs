using MiaRepro.Recipes;
using TorchSharp;
using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>
/// Trains one model of a population with a recipe: SGD with momentum and weight decay, a per-step cosine
/// learning-rate schedule, the recipe's batch augmentation and, when the recipe asks for it, early stopping
/// on the validation loss with the best weights restored. Every random draw (initialization, data order,
/// augmentation) comes from one generator seeded with the model's seed. On CUDA, convolutions run in TF32 on
/// channels-last tensors (<see cref="GpuTuning"/>); TorchSharp 0.107 offers no autocast, so no fp16/bf16 mixed precision.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// The trainer's code version, part of every stored model's key: bump it whenever a change to training
    /// (data order, augmentation draws, optimizer, evaluation) would change a trained model, so stale models retrain.
    /// </summary>
    public const string Version = "2";

    private const int EvalBatch = 1000;

    /// <summary>
    /// The most values the first layer may output for one batch on the CPU (64 Mi floats, 256 MB; the paper's ResNet-18
    /// evaluates 1,000 CIFAR images at 65.5M): training batches above it are refused before any weight is allocated, and
    /// evaluation batches shrink below <see cref="EvalBatch"/> to stay under it, so large images cannot exhaust the
    /// machine's memory. On a GPU, whose own memory bounds a batch, neither applies.
    /// </summary>
    public const long MaxFirstLayerValues = 1L << 26;

    public static TrainingResult Train(
        Recipe recipe, TrainingData data, ReadOnlySpan<bool> keepRow, long seed, Device device, QueryGrid queries,
        IProgress<EpochProgress>? progress = null)
    {
        if (keepRow.Length != data.Population.Count)
        {
            throw new ArgumentException($"Keep row has {keepRow.Length} entries for {data.Population.Count} examples.");
        }

        var members = new List<long>();
        for (var i = 0; i < keepRow.Length; i++)
        {
            if (keepRow[i])
            {
                members.Add(i);
            }
        }

        var shape = data.Population.Images.shape;
        var perImage = (long)recipe.Model.Width * shape[2] * shape[3];
        var batchSize = Math.Min(recipe.BatchSize, members.Count);
        var bounded = device.type == DeviceType.CPU; // a GPU's own memory bounds it there, and a GPU runner may want larger batches
        if (bounded && perImage * batchSize > MaxFirstLayerValues)
        {
            throw new InputException(FormattableString.Invariant(
                $"Recipe '{recipe.Name}': a batch of {batchSize} {shape[2]}×{shape[3]} images at width {recipe.Model.Width} makes {perImage * batchSize:N0} values in the first layer, more than MiaRepro allows ({MaxFirstLayerValues:N0}): use a smaller batch_size, width or image size."));
        }

        // Evaluation batches change only where the default would exceed the bound, so no existing run's bits move.
        var evalBatch = bounded ? (int)Math.Clamp(MaxFirstLayerValues / perImage, 1, EvalBatch) : EvalBatch;
        using var generator = new Generator((ulong)seed);
        using var model = Models.ModelFactory.Create(recipe.Model, (int)shape[1], (int)shape[2], (int)shape[3], data.Classes, generator);
        model.to(device);
        GpuTuning.ConfigureBackends(device);
        GpuTuning.PrepareModel(model, device);
        using var optimizer = optim.SGD(
            model.parameters(), recipe.LearningRate, momentum: recipe.Momentum, weight_decay: recipe.WeightDecay);
        using var memberIndex = tensor(members.ToArray()).to(device);

        var stepsPerEpoch = (members.Count + recipe.BatchSize - 1) / recipe.BatchSize;
        var totalSteps = stepsPerEpoch * recipe.Epochs;
        var step = 0;
        var stopper = recipe.EarlyStopping is { } rule ? new EarlyStopper(rule) : null;
        var epochsRun = 0;
        for (var epoch = 1; epoch <= recipe.Epochs; epoch++)
        {
            model.train();
            // Summed on the device and read once per epoch: a per-step item() would stall a GPU every batch.
            using var lossSum = zeros(1, device: device);
            using (var order = randperm(members.Count, generator: generator).to(device))
            {
                for (var start = 0; start < members.Count; start += recipe.BatchSize, step++)
                {
                    using var scope = NewDisposeScope();
                    SetLearningRate(optimizer, LearningRateSchedule.RateAt(recipe.Schedule, recipe.LearningRate, step, totalSteps));
                    var take = Math.Min(recipe.BatchSize, members.Count - start);
                    var index = memberIndex.index_select(0, order.narrow(0, start, take));
                    var batch = recipe.Augmentation.Apply(
                        data.Population.Images.index_select(0, index), data.Population.Labels.index_select(0, index), generator);
                    optimizer.zero_grad();
                    var loss = batch.Loss(model.call(GpuTuning.PrepareBatch(batch.Images, device)), recipe.LabelSmoothing);
                    loss.backward();
                    optimizer.step();
                    lossSum.add_(loss.detach() * take);
                }
            }

            epochsRun = epoch;
            double? validationLoss = null;
            if (stopper is not null)
            {
                var (meanLoss, accuracy) = Evaluate(model, data.Validation, evalBatch);
                validationLoss = meanLoss;
                stopper.Observe(epoch, meanLoss, accuracy, model);
            }

            progress?.Report(new EpochProgress(epoch, recipe.Epochs, lossSum.item<float>() / members.Count, validationLoss));
            if (stopper?.ShouldStop == true)
            {
                break;
            }
        }

        var stopEpoch = epochsRun;
        if (stopper is not null)
        {
            stopEpoch = stopper.Finish(model, epochsRun);
        }

        model.eval();
        var logits = PopulationLogits(model, data.Population, queries, evalBatch);
        var trainAccuracy = Accuracy(logits, queries.Queries, data.Classes, data.Population.Labels, keepRow);
        var testAccuracy = Evaluate(model, data.Test, evalBatch).Accuracy;
        return new TrainingResult(
            logits, queries.Queries, data.Classes, trainAccuracy, testAccuracy, stopEpoch, epochsRun, stopper?.BestLoss, Weights(model));
    }

    /// <summary>
    /// The model's weights in TorchSharp's format, for the store; channels-last weights (CUDA) are re-laid
    /// contiguous first, since the format is written from each tensor's bytes. Call after the model's last use.
    /// </summary>
    internal static byte[] Weights(nn.Module model)
    {
        GpuTuning.ToContiguous(model);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
        }

        return buffer.ToArray();
    }

    private static void SetLearningRate(optim.Optimizer optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    private static float[] PopulationLogits(nn.Module<Tensor, Tensor> model, TensorSet set, QueryGrid grid, int evalBatch)
    {
        var queries = grid.Queries;
        var classes = -1;
        float[]? result = null;
        using var _ = no_grad();
        for (var start = 0; start < set.Count; start += evalBatch)
        {
            using var scope = NewDisposeScope();
            var take = Math.Min(evalBatch, set.Count - start);
            var batch = set.Images.narrow(0, start, take);
            var views = new Tensor[queries];
            for (var q = 0; q < queries; q++)
            {
                views[q] = model.call(QueryViews.Apply(batch, q, grid));
            }

            var stacked = stack(views, 1).to(ScalarType.Float32).cpu(); // [take, queries, classes]
            classes = (int)stacked.shape[2];
            result ??= new float[set.Count * queries * classes];
            stacked.data<float>().CopyTo(result, start * queries * classes);
        }

        return result!;
    }

    private static double Accuracy(float[] logits, int queries, int classes, Tensor labels, ReadOnlySpan<bool> keepRow)
    {
        var truth = labels.cpu().data<long>().ToArray();
        int correct = 0, total = 0;
        for (var i = 0; i < keepRow.Length; i++)
        {
            if (!keepRow[i])
            {
                continue;
            }

            var row = logits.AsSpan(i * queries * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            total++;
            correct += best == truth[i] ? 1 : 0;
        }

        return total == 0 ? double.NaN : (double)correct / total;
    }

    /// <summary>Mean cross-entropy and accuracy of <paramref name="model"/> on <paramref name="set"/>, in eval mode.</summary>
    internal static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, TensorSet set, int evalBatch)
    {
        model.eval();
        using var _ = no_grad();
        using var lossSum = zeros(1, dtype: ScalarType.Float64, device: set.Images.device);
        using var correct = zeros(1, dtype: ScalarType.Int64, device: set.Images.device);
        for (var start = 0; start < set.Count; start += evalBatch)
        {
            using var scope = NewDisposeScope();
            var take = Math.Min(evalBatch, set.Count - start);
            var logits = model.call(set.Images.narrow(0, start, take));
            var labels = set.Labels.narrow(0, start, take);
            lossSum.add_(nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).to(ScalarType.Float64));
            correct.add_(logits.argmax(1).eq(labels).sum());
        }

        return (lossSum.item<double>() / set.Count, (double)correct.item<long>() / set.Count);
    }
}
