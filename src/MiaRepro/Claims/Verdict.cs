namespace MiaRepro.Claims;

/// <summary>
/// supported: the effect's 95% interval lies wholly on the claimed side of the pre-registered threshold;
/// refuted: wholly on the other side; inconclusive: otherwise (or when the data cannot measure the effect).
/// </summary>
public enum Verdict
{
    Supported,
    Refuted,
    Inconclusive,
}
