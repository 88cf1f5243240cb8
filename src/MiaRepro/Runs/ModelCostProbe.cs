using System.Diagnostics;
using MiaRepro.Recipes;
using MiaRepro.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MiaRepro.Runs;

/// <summary>
/// What a training step of an architecture costs on this machine, without any dataset: a few SGD steps of
/// forward and backward on random images and labels of the paper's shapes. Enough to size a run (images/s
/// times epochs times examples) before starting it.
/// </summary>
public static class ModelCostProbe
{
    private const ulong Seed = 0;

    /// <param name="size">Side of the square images (32 for CIFAR, 28 for Fashion-MNIST).</param>
    /// <param name="batches">Timed steps, after one untimed warm-up step.</param>
    public static ModelCostProbeResult Measure(
        ModelSpec spec, int channels, int size, int classes, int batchSize, int batches, Device device)
    {
        if (batchSize < 1 || batches < 1)
        {
            throw new InputException($"A cost probe needs at least 1 batch of 1 image, got {batches} batches of {batchSize}.");
        }

        using var generator = new Generator(Seed);
        using var model = ModelFactory.Create(spec, channels, size, size, classes, generator);
        model.to(device);
        model.train();
        var parameters = model.parameters().Sum(p => p.numel());
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 5e-4);
        using var images = randn([batchSize, channels, size, size], generator: generator).to(device);
        using var labels = randint(classes, [batchSize], generator: generator).to(device);

        Step(model, optimizer, images, labels);
        var watch = Stopwatch.StartNew();
        var lastLoss = 0f;
        for (var b = 0; b < batches; b++)
        {
            lastLoss = Step(model, optimizer, images, labels);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (!float.IsFinite(lastLoss))
        {
            throw new InvalidOperationException($"The cost probe's loss diverged ({lastLoss}) for {spec}.");
        }

        return new ModelCostProbeResult(
            spec, parameters, channels, size, classes, batchSize, batches,
            seconds, seconds / batches, (double)batchSize * batches / seconds,
            get_num_threads(), device.type.ToString().ToLowerInvariant());
    }

    /// <summary>One SGD step; reading the loss back waits for the device, so the clock sees the whole step.</summary>
    private static float Step(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(images), labels);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
