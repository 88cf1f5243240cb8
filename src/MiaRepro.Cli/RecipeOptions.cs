using System.ComponentModel;
using MiaRepro.Recipes;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The recipes group, declared once for every command that trains recipes at a scale (<c>reproduce</c>, <c>stability</c>, <c>sweep</c>, <c>bench train</c>).</summary>
public abstract class RecipeOptions : DeviceOptions
{
    [CommandOption("--scale <SCALE>")]
    [Description("smoke (default): Fashion-MNIST, small CNN, CPU minutes; claims (reproduce only): 5 independent smoke replicates, every claim from their spread, ~50 CPU minutes; paper: CIFAR, ResNet-18, 14-recipe grid, GPU")]
    public string Scale { get; init; } = "smoke";

    [CommandOption("--recipes <LIST>")]
    [Description("comma-separated recipe names, or grid for the paper's 14 (default: the scale's recipes)")]
    public string? Recipes { get; init; }

    [CommandOption("--recipe-file <FILE>")]
    [Description("a recipe file (docs/recipes.md#recipe-files; 'miarepro recipes --write NAME' starts one) whose recipes join the run; repeatable")]
    public string[] RecipeFiles { get; init; } = [];

    /// <summary>The recipe files, as inputs an output folder must stay apart from (<see cref="Reports.OutputFolder.Problem"/>).</summary>
    public IEnumerable<(string Setting, string? Path)> RecipeFileInputs => RecipeFiles.Select(f => (MiaRepro.Setting.RecipeFiles, (string?)f));

    /// <summary>
    /// The run's recipe names — those named (else <paramref name="unnamed"/>, by default <paramref name="profile"/>'s),
    /// then each recipe file's recipe not named already — and the recipe files' recipes, completed at <paramref name="profile"/>.
    /// </summary>
    /// <exception cref="InputException">A recipe file cannot be read or breaks the schema.</exception>
    protected (IReadOnlyList<string> Names, IReadOnlyList<Recipe> FromFiles) RecipesOf(ScaleProfile profile, IReadOnlyList<string>? unnamed = null)
    {
        var fromFiles = RecipeFiles.SelectMany(f => RecipeFile.Read(f, profile)).ToList();
        var named = (Recipes is null ? null : RecipeCatalog.Parse(Recipes)) ?? unnamed ?? profile.Recipes;
        return ([.. named.Concat(fromFiles.Select(r => r.Name).Where(n => !named.Contains(n)).Distinct())], fromFiles);
    }
}
