using System.Globalization;
using MiaRepro.Recipes;
using MiaRepro.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary><c>miarepro bench train</c>: images/s and models/hour of the scale's training, per recipe.</summary>
public sealed class BenchTrainCommand : Command<BenchTrainSettings>
{
    public override int Execute(CommandContext context, BenchTrainSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var scale = ScaleProfile.Get(settings.Scale);
        var recipes = (settings.Recipes is null ? null : RecipeCatalog.Parse(settings.Recipes)) ?? scale.Recipes;
        foreach (var recipe in recipes)
        {
            RecipeCatalog.Create(recipe, scale); // unknown names fail before any training
        }

        var threads = settings.Threads ?? Environment.ProcessorCount;
        if (threads < 1)
        {
            throw new InputException($"--threads {threads}: use at least 1 thread.");
        }

        var results = TrainingBenchmark.Run(scale, recipes, settings.Models, settings.DataDir ?? string.Empty, settings.Device, threads, seed: 0);
        var table = new Table().Title(Invariant($"Training throughput, {scale.Name} scale ({scale.Dataset}, {scale.Population / 2} images per model, up to {scale.Epochs} epochs, batch {scale.BatchSize})"));
        table.AddColumns("recipe", "device", "threads", "models", "epochs run", "images", "seconds", "images/s", "models/hour");
        foreach (var r in results)
        {
            table.AddRow(r.Recipe, r.Device, Invariant($"{r.Threads}"), Invariant($"{r.Models}"), Invariant($"{r.Epochs}"), Invariant($"{r.Images}"),
                Invariant($"{r.Seconds:0.0}"), Invariant($"{r.ImagesPerSecond:0}"), Invariant($"{r.ModelsPerHour:0}"));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ran;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
