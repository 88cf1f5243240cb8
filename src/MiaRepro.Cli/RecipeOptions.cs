using System.ComponentModel;
using MiaRepro.Recipes;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The recipes group, declared once for every command that trains recipes at a scale (<c>reproduce</c>, <c>stability</c>, <c>sweep</c>, <c>bench train</c>).</summary>
public abstract class RecipeOptions : DeviceOptions
{
    [CommandOption("--scale <SCALE>")]
    [Description("smoke (default): Fashion-MNIST, small CNN, CPU minutes; paper: CIFAR, ResNet-18, 14-recipe grid, GPU")]
    public string Scale { get; init; } = "smoke";

    [CommandOption("--recipes <LIST>")]
    [Description("comma-separated recipe names, or grid for the paper's 14 (default: the scale's recipes)")]
    public string? Recipes { get; init; }

    /// <summary>The recipes named, else <paramref name="profile"/>'s.</summary>
    protected IReadOnlyList<string> RecipesOr(ScaleProfile profile) =>
        (Recipes is null ? null : RecipeCatalog.Parse(Recipes)) ?? profile.Recipes;
}
