using MiaRepro.Recipes;
using MiaRepro.Runs;
using MiaRepro.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary><c>miarepro bench train</c>: images/s and models/hour of the scale's training, per recipe.</summary>
public sealed class BenchTrainCommand : Command<BenchTrainSettings>
{
    public override int Execute(CommandContext context, BenchTrainSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var scale = ScaleProfile.Get(settings.Scale);
        var recipes = settings.RecipesAt(scale); // unknown names and bad recipe files fail before any training

        var threads = settings.ThreadCount;
        var problems = Validation.Problems(
            [],
            settings.Models < 1 ? new SettingProblem(Setting.Models, Invariant($"{settings.Models}"), "benchmark at least 1 model.") : null,
            threads < 1 ? new SettingProblem(Setting.Threads, Invariant($"{threads}"), "use at least 1 thread.") : null);
        if (problems.Count > 0)
        {
            return ExitCodes.Report(problems);
        }

        var kernels = CpuKernels.Resolve(settings.CpuKernels);
        var results = TrainingBenchmark.Run(scale, recipes, settings.Models, settings.DataDir ?? string.Empty, settings.Device, threads, seed: 0, kernels);
        AnsiConsole.MarkupLine(Markup.Escape($"CPU kernels: {CpuKernels.Current.Describe()}"));
        var table = new Table().Title(Invariant($"Training throughput, {scale.Name} scale ({scale.Dataset}, {scale.Population / 2} images per model, up to {scale.Epochs} epochs, batch {scale.BatchSize})"));
        table.AddColumns("recipe", "device", "threads", "models", "epochs run", "images", "seconds", "images/s", "models/hour");
        foreach (var r in results)
        {
            table.AddRow(r.Recipe, r.Device, Invariant($"{r.Threads}"), Invariant($"{r.Models}"), Invariant($"{r.Epochs}"), Invariant($"{r.Images}"),
                Invariant($"{r.Seconds:0.0}"), Invariant($"{r.ImagesPerSecond:0}"), Invariant($"{r.ModelsPerHour:0}"));
        }

        AnsiConsole.Write(table);
        if (settings.ProbeBatches > 0)
        {
            WriteProbes(settings.ProbeBatches, threads, results[0].Device == "cuda" ? TorchSharp.torch.CUDA : TorchSharp.torch.CPU);
        }

        return ExitCodes.Ran;
    }

    /// <summary>The paper's models on random CIFAR-shaped batches: per-image cost, and what one paper-scale model would take at that rate.</summary>
    private static void WriteProbes(int batches, int threads, TorchSharp.torch.Device device)
    {
        // One large model keeps every core busy with intra-op threads (the small-model benchmark above ran one model per thread).
        TorchSharp.torch.set_num_threads(threads);
        var paper = ScaleProfile.Paper;
        var imagesPerModel = (double)paper.Population / 2 * paper.Epochs;
        var table = new Table().Title(Invariant($"Paper-shape training cost (3×32×32, 10 classes, batch 32, {batches} SGD steps after a warm-up)"));
        table.AddColumns("model", "parameters", "device", "threads", "s/batch", "images/s", "hours per paper model");
        foreach (var spec in new[] { ModelSpec.ResNet18, ModelSpec.Wrn28x2 })
        {
            var cost = ModelCostProbe.Measure(spec, channels: 3, size: 32, classes: 10, batchSize: 32, batches, device);
            table.AddRow(
                Invariant($"{spec.Architecture}-{spec.Depth}"), Invariant($"{cost.Parameters:N0}"), cost.Device, Invariant($"{cost.Threads}"),
                Invariant($"{cost.SecondsPerBatch:0.000}"), Invariant($"{cost.ImagesPerSecond:0.0}"),
                Invariant($"{imagesPerModel / cost.ImagesPerSecond / 3600:0.0}"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Invariant($"(A paper-scale model trains on {paper.Population / 2:N0} images for up to {paper.Epochs} epochs, evaluation excluded.)"));
    }
}
