namespace MiaRepro.Claims;

/// <summary>A claim of the paper: an id, the sentence, the recipes it needs, and how it is decided.</summary>
public interface IClaim
{
    string Id { get; }

    string Statement { get; }

    IReadOnlyList<string> Recipes { get; }

    ClaimResult Decide(ClaimEvidence evidence);
}
