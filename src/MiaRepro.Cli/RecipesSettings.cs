using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The options of <c>miarepro recipes</c>.</summary>
public sealed class RecipesSettings : CommandSettings
{
    [CommandOption("--scale <SCALE>")]
    [Description("smoke (default), claims or paper: the scale whose settings complete the recipes (model, epochs, batch, optimizer, crop padding, patience)")]
    public string Scale { get; init; } = "smoke";

    [CommandOption("--write <LIST>")]
    [Description("comma-separated recipe names (or grid): write them as a recipe file to start from, with every setting spelled out")]
    public string? Write { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("with --write: the recipe file to write (default: print it)")]
    public string? Out { get; init; }

    [CommandOption("--force")]
    [Description("with --out: replace FILE when it exists (without it an existing file is refused, never overwritten)")]
    public bool Force { get; init; }
}
