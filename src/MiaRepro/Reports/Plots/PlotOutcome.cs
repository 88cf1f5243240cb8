namespace MiaRepro.Reports.Plots;

/// <summary>A figure after rendering: its PNG, or why there is none.</summary>
/// <param name="Png">The PNG's bytes; null when rendering failed.</param>
/// <param name="Warning">Why rendering failed, in words; null when it worked.</param>
public sealed record PlotOutcome(Figure Figure, byte[]? Png, string? Warning)
{
    public bool Rendered => Png is not null;
}
