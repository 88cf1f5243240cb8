namespace MiaRepro.Runs.Sharding;

/// <summary>A recipe of a sweep and the hash of its settings at the sweep's scale (see <see cref="Recipes.Recipe.Hash"/>).</summary>
/// <param name="Recipe">
/// The recipe itself when it came from a recipe file (<see cref="Recipes.RecipeFile"/>), so that <c>miarepro merge</c>
/// can rebuild it without the file; null for a built-in, which the catalog rebuilds from its name.
/// </param>
public sealed record RecipeHash(
    string Name,
    string Hash,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Recipes.Recipe? Recipe = null);
