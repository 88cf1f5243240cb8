using MiaRepro.Metrics;

namespace MiaRepro.Claims;

/// <summary>
/// Verdicts from replicate estimates (<see cref="ReplicateEstimate"/>), each part at one-sided level
/// <see cref="Alpha"/> (the 95% two-sided interval), and a claim of several parts — one that holds only when every
/// part holds — combined with the multiplicity each direction needs:
/// <list type="bullet">
/// <item>supported when every part is (an intersection–union test: each part at level α, no correction);</item>
/// <item>refuted when Holm's step-down procedure at level α rejects "the effect lies at or above its threshold" for
/// at least one part (a union of k tests: without a correction, k parts at 2.5% each would refute a true claim at
/// up to k · 2.5%);</item>
/// <item>no effect of interest when Holm's procedure rejects non-equivalence for at least one part with a registered
/// margin (two one-sided tests, the larger p-value of the two);</item>
/// <item>inconclusive otherwise. Refuted comes first, then no effect of interest, then supported.</item>
/// </list>
/// </summary>
public static class ReplicatedVerdict
{
    /// <summary>One-sided level of every test: 2.5%, so a part's verdicts agree with its 95% interval.</summary>
    public const double Alpha = 0.025;

    /// <summary>
    /// A part's own verdict from its interval: no effect of interest when a margin is registered and the interval
    /// lies inside the equivalence region (<see cref="EquivalenceRegion"/>), else supported above
    /// <paramref name="threshold"/>, refuted below it, inconclusive otherwise (or when unmeasured).
    /// </summary>
    public static Verdict OfPart(ReplicateEstimate? estimate, double threshold, double? margin)
    {
        if (estimate is null)
        {
            return Verdict.Inconclusive;
        }

        if (margin is { } m && Equivalent(estimate, threshold, m, Alpha))
        {
            return Verdict.NoEffectOfInterest;
        }

        return estimate.PAbove(threshold) < Alpha ? Verdict.Supported
            : estimate.PBelow(threshold) < Alpha ? Verdict.Refuted
            : Verdict.Inconclusive;
    }

    /// <summary>
    /// The equivalence region of a part: [threshold ÷ margin, threshold × margin] for a ratio (margin &gt; 1, e.g. 1.25),
    /// [threshold − margin, threshold + margin] for a difference.
    /// </summary>
    public static Interval EquivalenceRegion(double threshold, double margin, bool ratio) =>
        ratio ? new Interval(threshold / margin, threshold * margin) : new Interval(threshold - margin, threshold + margin);

    /// <summary>The claim's verdict from its tested parts (see the class remarks).</summary>
    public static Verdict Combine(IReadOnlyList<(ReplicateEstimate? Estimate, double Threshold, double? Margin)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            return Verdict.Inconclusive;
        }

        var measured = parts.Where(p => p.Estimate is not null).ToList();
        if (Holm.Rejections([.. measured.Select(p => p.Estimate!.PBelow(p.Threshold))], Alpha).Any(r => r))
        {
            return Verdict.Refuted;
        }

        var withMargin = measured.Where(p => p.Margin is not null).ToList();
        if (Holm.Rejections([.. withMargin.Select(p => EquivalenceP(p.Estimate!, p.Threshold, p.Margin!.Value))], Alpha).Any(r => r))
        {
            return Verdict.NoEffectOfInterest;
        }

        return parts.All(p => OfPart(p.Estimate, p.Threshold, p.Margin) == Verdict.Supported) ? Verdict.Supported : Verdict.Inconclusive;
    }

    /// <summary>The two one-sided tests' p-value of equivalence: the larger of "above the region's lower end" and "below its upper end".</summary>
    public static double EquivalenceP(ReplicateEstimate estimate, double threshold, double margin)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var region = EquivalenceRegion(threshold, margin, estimate.Ratio);
        return Math.Max(estimate.PAbove(region.Lower), estimate.PBelow(region.Upper));
    }

    private static bool Equivalent(ReplicateEstimate estimate, double threshold, double margin, double alpha) =>
        EquivalenceP(estimate, threshold, margin) < alpha;
}
