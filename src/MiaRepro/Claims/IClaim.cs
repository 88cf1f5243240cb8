namespace MiaRepro.Claims;

/// <summary>A claim of the paper: an id, the sentence, the recipes it needs, and how it is decided.</summary>
public interface IClaim
{
    string Id { get; }

    string Statement { get; }

    /// <summary>The recipes the claim needs at least; a scale's default recipes include every claim's.</summary>
    IReadOnlyList<string> Recipes { get; }

    /// <summary>The attack the claim is decided from, or null when it uses none (C4 measures the shadow distributions).</summary>
    string? Attack { get; }

    /// <summary>Whether a run of <paramref name="recipes"/> (by name) can decide the claim (by default: it has <see cref="Recipes"/>).</summary>
    bool AppliesTo(IReadOnlyDictionary<string, Recipes.Recipe> recipes) => Recipes.All(recipes.ContainsKey);

    ClaimResult Decide(ClaimEvidence evidence);
}
