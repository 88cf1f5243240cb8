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

    /// <summary>Whether <see cref="Effect"/> is a ratio (compared on the log scale) rather than a difference or a correlation.</summary>
    public bool Ratio { get; init; } = true;

    /// <summary>The effect's two sides on the full data, for a ratio whose sides were measured (see <see cref="ClaimPart.Sides"/>).</summary>
    public (double Numerator, double Denominator)? Sides { get; init; }

    /// <summary>
    /// The parts a replicated design decides (<see cref="ReplicatedClaims"/>): <see cref="Parts"/> when one of them is
    /// tested, else the claim's own effect as its one tested part, <c>effect</c>.
    /// </summary>
    public IReadOnlyList<ClaimPart> TestedParts =>
        Parts.Any(p => p.Threshold is not null)
            ? Parts
            : [new ClaimPart("effect", Measure, Effect, Ci95, Threshold, Verdict) { Ratio = Ratio, Sides = Sides }];

    /// <summary>
    /// The verdict of a claim that holds only when every tested part does, from one run's parts: supported when every
    /// part is; refuted when Holm's procedure at one-sided level 2.5% (<see cref="Holm"/>) rejects "at or above the
    /// threshold" for one of them, each part's p-value read from its 95% interval (<see cref="RefutationP"/>);
    /// inconclusive otherwise. With one part this is its own verdict.
    /// </summary>
    public static Verdict CombineParts(IReadOnlyList<ClaimPart> tested)
    {
        ArgumentNullException.ThrowIfNull(tested);
        if (tested.Count == 0 || tested.Any(p => p.Threshold is null || p.Verdict is null))
        {
            return Verdict.Inconclusive;
        }

        var p = tested.Select(t => t.Effect is { } e && t.Ci95 is { } ci ? RefutationP(e, ci[1], t.Threshold!.Value, t.Ratio) : 1).ToList();
        return Holm.Rejections(p, ReplicatedVerdict.Alpha).Any(r => r) ? Verdict.Refuted
            : tested.All(t => t.Verdict == Verdict.Supported) ? Verdict.Supported
            : Verdict.Inconclusive;
    }

    /// <summary>
    /// The one-sided p-value of "the effect lies below <paramref name="threshold"/>" implied by a 95% interval whose
    /// upper bound is <paramref name="upper"/>: the normal test whose standard error is the interval's upper half-width
    /// ÷ 1.96 (on the log scale for a ratio), so p = 2.5% exactly when the upper bound is the threshold. An unbounded
    /// interval gives 1; an estimate without a log (a ratio of 0) falls back to the interval itself (0 below, 1 above).
    /// </summary>
    public static double RefutationP(double effect, double upper, double threshold, bool ratio)
    {
        Func<double, double> scale = ratio ? Math.Log : v => v;
        var (e, u, t) = (scale(effect), scale(upper), scale(threshold));
        if (!double.IsFinite(e) || !double.IsFinite(u))
        {
            return upper < threshold ? 0 : 1;
        }

        var se = (u - e) / 1.959963984540054;
        return se > 0 ? 1 - Numerics.StandardNormal.Cdf((t - e) / se) : t > e ? 0 : 1;
    }

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
        Verdict.NoEffectOfInterest => $"the whole 95% interval {Format(ci95)} lies inside the equivalence region around {threshold:0.###}",
        _ => $"the 95% interval {Format(ci95)} contains {threshold:0.###}",
    };

    /// <summary>An interval as [lower, upper] with up to three significant decimals; ∞ for unbounded.</summary>
    public static string Format(Interval ci95) => $"[{Number(ci95.Lower)}, {Number(ci95.Upper)}]";

    /// <summary>A number with up to three decimals; ∞ for unbounded.</summary>
    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
