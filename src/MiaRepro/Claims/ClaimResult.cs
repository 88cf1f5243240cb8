using MiaRepro.Metrics;

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
    /// <summary>The measured parts of a claim decided from several, and the numbers it reports untested (empty for most claims).</summary>
    public IReadOnlyList<ClaimPart> Parts { get; init; } = [];

    /// <summary>Supported when all are, refuted when any is, inconclusive otherwise.</summary>
    public static Verdict Combine(IReadOnlyList<Verdict> verdicts) =>
        verdicts.Any(v => v == Verdict.Refuted) ? Verdict.Refuted
        : verdicts.All(v => v == Verdict.Supported) ? Verdict.Supported
        : Verdict.Inconclusive;

    /// <summary>Decides a claim that the effect exceeds <paramref name="threshold"/> from its interval.</summary>
    public static Verdict Decide(double lower, double upper, double threshold) =>
        lower > threshold ? Verdict.Supported
        : upper < threshold ? Verdict.Refuted
        : Verdict.Inconclusive;

    /// <summary>The result of a claim that its effect exceeds <paramref name="threshold"/>, decided from its 95% interval.</summary>
    public static ClaimResult FromInterval(
        IClaim claim, double effect, Interval ci95, double threshold, string measure, string? detail = null)
    {
        var verdict = Decide(ci95.Lower, ci95.Upper, threshold);
        var because = Because(verdict, ci95, threshold) + (detail is null ? string.Empty : $"; {detail}");
        return new ClaimResult(claim.Id, claim.Statement, verdict, effect, [ci95.Lower, ci95.Upper], threshold, measure, because);
    }

    /// <summary>An inconclusive result: the data cannot measure the effect, for <paramref name="reason"/>.</summary>
    public static ClaimResult Unmeasured(IClaim claim, double threshold, string measure, string reason) =>
        new(claim.Id, claim.Statement, Verdict.Inconclusive, null, null, threshold, measure, reason);

    /// <summary>The verdict in words: where the interval lies against the threshold.</summary>
    public static string Because(Verdict verdict, Interval ci95, double threshold) => verdict switch
    {
        Verdict.Supported => $"the whole 95% interval {Format(ci95)} lies above {threshold:0.###}",
        Verdict.Refuted => $"the whole 95% interval {Format(ci95)} lies below {threshold:0.###}",
        _ => $"the 95% interval {Format(ci95)} contains {threshold:0.###}",
    };

    /// <summary>An interval as [lower, upper] with up to three significant decimals; ∞ for unbounded.</summary>
    public static string Format(Interval ci95) => $"[{Number(ci95.Lower)}, {Number(ci95.Upper)}]";

    /// <summary>A number with up to three decimals; ∞ for unbounded.</summary>
    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
