namespace MiaRepro.Runs.Sharding;

/// <summary>A recipe of a sweep and the hash of its settings at the sweep's scale (see <see cref="Recipes.Recipe.Hash"/>).</summary>
public sealed record RecipeHash(string Name, string Hash);
