namespace MiaRepro.Registration;

/// <summary>One claim as registered: what it says, how it is measured, on which recipes, and where its thresholds lie.</summary>
/// <param name="Direction">The claimed side of <see cref="Threshold"/>: <c>above</c> (the effect's interval must lie wholly above it).</param>
/// <param name="Threshold">The threshold of the claim's headline effect.</param>
/// <param name="Thresholds">Further registered numbers by name (a second measure's threshold, a minimum design size).</param>
public sealed record RegisteredClaim(
    string Id,
    string Statement,
    string Measure,
    IReadOnlyList<string> Recipes,
    string Direction,
    double Threshold,
    IReadOnlyDictionary<string, double>? Thresholds = null)
{
    /// <summary>The registered number <paramref name="name"/> of <see cref="Thresholds"/>.</summary>
    public double Value(string name) =>
        Thresholds is not null && Thresholds.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"{Preregistration.RepositoryPath}: claim {Id} registers no '{name}'.");
}
