namespace MiaRepro.Claims;

/// <summary>The decision on one claim, with the numbers behind it.</summary>
/// <param name="Effect">The measured effect on the full data (e.g. a reduction factor); null when it cannot be measured.</param>
/// <param name="Ci95">The effect's 95% bootstrap interval [lower, upper]; null when it cannot be measured.</param>
/// <param name="Threshold">The pre-registered threshold the interval is compared with.</param>
/// <param name="Measure">What was measured, in words.</param>
/// <param name="Reason">Why the verdict is what it is, in words.</param>
public sealed record ClaimResult(
    string Id,
    string Statement,
    Verdict Verdict,
    double? Effect,
    double[]? Ci95,
    double Threshold,
    string Measure,
    string Reason)
{
    /// <summary>Decides a claim that the effect exceeds <paramref name="threshold"/> from its interval.</summary>
    public static Verdict Decide(double lower, double upper, double threshold) =>
        lower > threshold ? Verdict.Supported
        : upper < threshold ? Verdict.Refuted
        : Verdict.Inconclusive;
}
