using MiaRepro.IO;
using MiaRepro.Recipes;
using MiaRepro.Reports.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace MiaRepro.Cli;

/// <summary>
/// <c>miarepro recipes</c>: the built-in recipes with their full settings at a scale, and any of them written as a
/// recipe file (<see cref="RecipeFile"/>) to start one's own from.
/// </summary>
public sealed class RecipesCommand : Command<RecipesSettings>
{
    public override int Execute(CommandContext context, RecipesSettings settings, CancellationToken cancellationToken)
    {
        UnknownArguments.Reject(context);
        var scale = ScaleProfile.Get(settings.Scale);
        if (settings.Write is null)
        {
            if (settings.Out is not null)
            {
                throw new InputException("--out FILE goes with --write NAME: name the recipes to write.");
            }

            Show(scale);
            return ExitCodes.Ran;
        }

        var recipes = RecipeCatalog.Parse(settings.Write).Select(n => RecipeCatalog.Create(n, scale)).ToList();
        var text = RecipeFile.Write(recipes);
        if (settings.Out is null)
        {
            Console.Out.Write(text);
            return ExitCodes.Ran;
        }

        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new InputException($"--out '{settings.Out}' is empty: name the recipe file to write, e.g. --out my-recipe.json.");
        }

        if (Directory.Exists(settings.Out))
        {
            throw new InputException($"--out {settings.Out} is a folder: name the recipe file to write, e.g. --out {Path.Combine(settings.Out, "my-recipe.json")}.");
        }

        if (File.Exists(settings.Out) && !settings.Force)
        {
            throw new InputException($"--out {settings.Out} exists, and MiaRepro does not overwrite a file it did not write: name a new file, or add --force to replace it.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out))!;
        if (!Directory.Exists(folder))
        {
            throw new InputException($"--out {settings.Out}: the folder {folder} does not exist; create it or write the file elsewhere.");
        }

        try
        {
            AtomicFile.WriteAllText(settings.Out, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--out {settings.Out} cannot be written: {e.Message}", e);
        }

        AnsiConsole.MarkupLine(Markup.Escape(Invariant(
            $"Wrote {recipes.Count} recipe{(recipes.Count == 1 ? string.Empty : "s")} ({string.Join(", ", recipes.Select(r => r.Name))}, {scale.Name} scale) to {settings.Out}; rename, edit, and add with --recipe-file {settings.Out}.")));
        return ExitCodes.Ran;
    }

    private static void Show(ScaleProfile scale)
    {
        AnsiConsole.MarkupLine(Markup.Escape(Invariant(
            $"Built-in recipes at the {scale.Name} scale. Each trains a {scale.Model.Architecture} (width {scale.Model.Width}, depth {scale.Model.Depth}) for {scale.Epochs} epochs, batch {scale.BatchSize}, SGD with learning rate {scale.LearningRate} on a per-step cosine schedule, momentum {scale.Momentum}, weight decay {scale.WeightDecay}:")));
        var table = new Table();
        table.AddColumns("recipe", "hash", "augmentation", "early stopping", "label smoothing");
        foreach (var name in RecipeCatalog.Names)
        {
            var r = RecipeCatalog.Create(name, scale);
            table.AddRow([.. new[] { r.Name, r.Hash, RecipeText.Steps(r), RecipeText.Stopping(r), Invariant($"{r.LabelSmoothing}") }.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(
            "Write any as a recipe file to start from: miarepro recipes --write crop-flip --out my-recipe.json (docs/recipes.md#recipe-files); add it to a run with --recipe-file my-recipe.json."));
    }
}
