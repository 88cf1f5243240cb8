using System.Globalization;
using MiaRepro.Metrics;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// The claims of a replicated design (<see cref="RegisteredDesign.Replicates"/> &gt; 1), decided from the variation
/// between its independent replicates: every replicate decides its claims as a single run does, and each tested part's
/// per-replicate effects (<see cref="ClaimPart.Effect"/>) give its estimate and t-interval on R − 1 degrees of freedom
/// (<see cref="ReplicateEstimate"/>); the parts' verdicts combine with <see cref="ReplicatedVerdict"/> (Holm across
/// the parts whose refutation or equivalence decides the claim). The replicates' own bootstrap intervals are not used.
/// A claim the design registers as undecided keeps its estimates and loses its verdicts.
/// </summary>
public static class ReplicatedClaims
{
    /// <summary>The registered name of a claim's equivalence margin (its smallest effect of interest).</summary>
    public const string MarginName = "equivalence_margin";

    /// <param name="replicates">Each replicate's claims, in replicate order (every replicate decides the same claims).</param>
    /// <param name="design">The replicated design (its undecided claims).</param>
    public static IReadOnlyList<ClaimResult> Decide(
        IReadOnlyList<IReadOnlyList<ClaimResult>> replicates, RegisteredDesign design, Preregistration registration)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(registration);
        if (replicates.Count < 2)
        {
            throw new ArgumentException("A replicated design needs at least two replicates.", nameof(replicates));
        }

        return [.. replicates[0].Select(c => c.Id).Select(id => Decide(
            id, [.. replicates.Select(r => r.Single(c => c.Id == id))], design, registration))];
    }

    private static ClaimResult Decide(string id, IReadOnlyList<ClaimResult> byReplicate, RegisteredDesign design, Preregistration registration)
    {
        var first = byReplicate[0];
        var margin = registration.Claims.FirstOrDefault(c => c.Id == id)?.Thresholds?.GetValueOrDefault(MarginName);
        var r = byReplicate.Count;
        var measure = $"{first.Measure} — over {r} independent replicates (a TPR ratio pooled, Σ ÷ Σ, with a delete-one-replicate jackknife; a difference by its mean; another ratio by its geometric mean), 95% t-interval on {r - 1} df";
        var names = first.TestedParts.Select(p => p.Name).ToList();
        if (byReplicate.Any(c => !c.TestedParts.Select(p => p.Name).SequenceEqual(names)))
        {
            var why = "the replicates measured different parts";
            return new ClaimResult(id, first.Statement, Verdict.Inconclusive, null, null, first.Threshold, measure, why);
        }

        var parts = new List<ClaimPart>();
        var tested = new List<(ReplicateEstimate? Estimate, double Threshold, double? Margin)>();
        foreach (var (part, index) in first.TestedParts.Select((p, i) => (p, i)))
        {
            var measured = byReplicate.Select(c => c.TestedParts[index]).ToList();
            var values = measured.Select(p => p.Effect).ToList();
            var estimate = Estimate(measured, part.Ratio);
            Verdict? verdict = part.Threshold is { } t ? ReplicatedVerdict.OfPart(estimate, t, margin) : null;
            if (part.Threshold is { } threshold)
            {
                tested.Add((estimate, threshold, margin));
            }

            var measures = measured.Select(p => p.Measure).Distinct().ToList();
            parts.Add(new ClaimPart(
                part.Name, measures.Count == 1 ? part.Measure : $"{string.Join(" / ", measures)} (differs between replicates)", estimate?.Effect, estimate is null ? null : [estimate.Ci95.Lower, estimate.Ci95.Upper], part.Threshold, verdict)
            {
                Ratio = part.Ratio,
                Replicates = [.. values],
            });
        }

        var headline = parts.First(p => p.Threshold is not null);
        var combined = ReplicatedVerdict.Combine(tested);
        var reason = string.Join("; ", parts.Select(p => Describe(p, margin))) +
            (tested.Count > 1 ? $"; combined over {tested.Count} tested parts (Holm for refutation and equivalence)" : string.Empty);
        var result = new ClaimResult(id, first.Statement, combined, headline.Effect, headline.Ci95, headline.Threshold!.Value, measure, reason)
        {
            Parts = parts,
            Ratio = headline.Ratio,
        };
        return design.Undecided is { } undecided && undecided.TryGetValue(id, out var registered)
            ? result with
            {
                Verdict = Verdict.Inconclusive,
                Reason = $"not decided at the {design.Name} scale, by registration: {registered}; measured: {reason}",
                Parts = [.. parts.Select(p => p with { Verdict = null })],
            }
            : result;
    }

    /// <summary>
    /// A part's estimate over the replicates: a ratio with both sides measured in every replicate pools them
    /// (<see cref="ReplicateEstimate.OfRatio"/>); any other part averages its effects (<see cref="ReplicateEstimate.Of"/>).
    /// Null when a replicate did not measure it.
    /// </summary>
    public static ReplicateEstimate? Estimate(IReadOnlyList<ClaimPart> byReplicate, bool ratio)
    {
        if (ratio && byReplicate.All(p => p.Sides is not null))
        {
            return ReplicateEstimate.OfRatio([.. byReplicate.Select(p => p.Sides!.Value.Numerator)], [.. byReplicate.Select(p => p.Sides!.Value.Denominator)]);
        }

        return byReplicate.Any(p => p.Effect is null) ? null : ReplicateEstimate.Of([.. byReplicate.Select(p => p.Effect!.Value)], ratio);
    }

    /// <summary>
    /// The point estimate <see cref="Estimate"/> gives, alone: formed from a single replicate too (the pooled sides, or
    /// the mean of the effects, geometric for a ratio). Null when a replicate did not measure the part, or a pooled
    /// denominator is 0.
    /// </summary>
    public static double? PointEstimate(IReadOnlyList<ClaimPart> byReplicate, bool ratio)
    {
        ArgumentNullException.ThrowIfNull(byReplicate);
        if (byReplicate.Count == 0)
        {
            return null;
        }

        if (ratio && byReplicate.All(p => p.Sides is not null))
        {
            var bottom = byReplicate.Sum(p => p.Sides!.Value.Denominator);
            return bottom > 0 ? byReplicate.Sum(p => p.Sides!.Value.Numerator) / bottom : null;
        }

        if (byReplicate.Any(p => p.Effect is not { } e || !double.IsFinite(e) || (ratio && e <= 0)))
        {
            return null;
        }

        return ratio ? Math.Exp(byReplicate.Average(p => Math.Log(p.Effect!.Value))) : byReplicate.Average(p => p.Effect!.Value);
    }

    private static string Describe(ClaimPart part, double? margin)
    {
        var values = string.Join(", ", part.Replicates.Select(v => v is { } x ? ClaimResult.Number(x) : "—"));
        if (part.Effect is not { } effect)
        {
            return $"{part.Name}: not measured in every replicate ({values})";
        }

        var ci = new Interval(part.Ci95![0], part.Ci95[1]);
        var test = part.Threshold is { } t
            ? " " + (part.Verdict == Verdict.NoEffectOfInterest
                ? $"inside the equivalence region {ClaimResult.Format(ReplicatedVerdict.EquivalenceRegion(t, margin!.Value, part.Ratio))}"
                : ClaimResult.Because(part.Verdict!.Value, ci, t))
            : string.Create(CultureInfo.InvariantCulture, $" {ClaimResult.Format(ci)} (reported)");
        return $"{part.Name} {ClaimResult.Number(effect)}{test} (replicates {values})";
    }
}
