using System.ComponentModel;
using MiaRepro.Recipes;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro bench train</c>.</summary>
public sealed class BenchTrainSettings : RecipeOptions
{
    [CommandOption("--models <K>")]
    [Description("models to train per recipe (default 2)")]
    public int Models { get; init; } = 2;

    [CommandOption("--probe-batches <N>")]
    [Description("SGD steps of batch 32 on random 3×32×32 images for the paper's models (ResNet-18, WRN-28-2): their per-image cost here (default 3; 0 skips)")]
    public int ProbeBatches { get; init; } = 3;

    /// <summary>The recipes to benchmark: those named (else the scale's) and the recipe files'.</summary>
    /// <exception cref="InputException">An unknown recipe name, or a recipe file that cannot be read.</exception>
    public IReadOnlyList<Recipe> RecipesAt(ScaleProfile scale)
    {
        var (names, fromFiles) = RecipesOf(scale);
        return [.. names.Select(n => RecipeCatalog.Find(n, scale, fromFiles))];
    }
}
