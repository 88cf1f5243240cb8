namespace MiaRepro.Claims;

/// <summary>
/// supported: the effect's 95% interval lies wholly on the claimed side of the pre-registered threshold;
/// refuted: wholly on the other side; no effect of interest: wholly inside the registered equivalence region around
/// the threshold (an effect, whichever its side, smaller than the smallest the claim is about; only where a margin
/// is registered); inconclusive: otherwise (or when the data cannot measure the effect).
/// </summary>
public enum Verdict
{
    Supported,
    Refuted,
    Inconclusive,
    NoEffectOfInterest,
}

/// <summary>The verdicts' words, as results.json, report.md and the baselines write them.</summary>
public static class VerdictText
{
    /// <summary><c>supported</c>, <c>refuted</c>, <c>inconclusive</c> or <c>no effect of interest</c>.</summary>
    public static string Text(this Verdict verdict) => verdict switch
    {
        Verdict.NoEffectOfInterest => "no effect of interest",
        _ => verdict.ToString().ToLowerInvariant(),
    };
}
