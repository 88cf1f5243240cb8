using MiaRepro.Recipes;
using static System.FormattableString;

namespace MiaRepro.Reports.Text;

/// <summary>How a recipe's settings read in a table (<c>miarepro recipes</c>, <c>audit.md</c>).</summary>
public static class RecipeText
{
    /// <summary>"crop(padding 2) + flip", or "none".</summary>
    public static string Steps(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.Augmentation.IsIdentity
            ? "none"
            : string.Join(" + ", recipe.Augmentation.Steps.Select(s =>
            {
                var parameters = RecipeFile.Parameters(s);
                return parameters.Count == 0 ? s.Name : $"{s.Name}({string.Join(", ", parameters.Select(p => $"{p.Key} {p.Value}"))})";
            }));
    }

    /// <summary>"validation_accuracy, patience 3, min delta 0, best weights", or "off".</summary>
    public static string Stopping(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.EarlyStopping is not { } s
            ? "off"
            : Invariant($"{RecipeFile.MonitorName(s.Monitor)}, patience {s.Patience}, min delta {s.MinDelta}{(s.RestoreBestWeights ? ", best weights" : string.Empty)}");
    }

    /// <summary>"small-cnn (width 16, depth 2), 24 epochs, batch 32, SGD lr 0.05 (cosine), momentum 0.9, weight decay 0.0005".</summary>
    public static string Training(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return Invariant($"{recipe.Model.Architecture} (width {recipe.Model.Width}, depth {recipe.Model.Depth}), {recipe.Epochs} epochs, batch {recipe.BatchSize}, SGD lr {recipe.LearningRate} ({recipe.Schedule ?? LearningRateSchedule.Cosine}), momentum {recipe.Momentum}, weight decay {recipe.WeightDecay}");
    }
}
