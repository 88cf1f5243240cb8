using MiaRepro.Claims;
using MiaRepro.Metrics;
using MiaRepro.Numerics;

namespace MiaRepro.Coverage;

/// <summary>What a part's effect is, for grouping coverage: the kinds of interval a replicated design forms.</summary>
public enum PartKind
{
    /// <summary>A ratio of two measured TPRs, pooled over the replicates (jackknife SE).</summary>
    TprRatio,

    /// <summary>A difference of two AUCs, averaged.</summary>
    AucDifference,

    /// <summary>A ratio known only as one (C4), by its geometric mean.</summary>
    OtherRatio,

    /// <summary>Any other difference (C5's correlations), averaged.</summary>
    OtherDifference,
}

/// <summary>One part's out-of-sample coverage: how often an interval from R populations holds the effect of the others.</summary>
/// <param name="Intervals">How many R-subsets formed an interval and a reference.</param>
/// <param name="Covered">How many of those intervals hold the reference.</param>
/// <param name="CoveredAdjusted">How many hold it once widened by √(1 + R / (N − R)) for the reference's own noise
/// (<see cref="ReplicateCoverage.AdjustedWidth"/>): 95% of them for a calibrated interval.</param>
/// <param name="NotFormed">Subsets whose interval or reference could not be formed (a side 0 in all but one population).</param>
public sealed record PartCoverage(string Claim, string Part, PartKind Kind, int Intervals, int Covered, int CoveredAdjusted, int NotFormed)
{
    public double Rate => Intervals > 0 ? (double)Covered / Intervals : double.NaN;

    public double AdjustedRate => Intervals > 0 ? (double)CoveredAdjusted / Intervals : double.NaN;
}

/// <summary>The coverage of every part, and of each kind of part together.</summary>
/// <param name="Populations">How many independent populations were read.</param>
/// <param name="Replicates">R, the replicates of each interval.</param>
/// <param name="Subsets">How many R-subsets were formed (every one of them).</param>
/// <param name="Expected">The coverage a calibrated 95% t-interval would show against this reference (<see cref="ReplicateCoverage.ExpectedRate"/>).</param>
public sealed record CoverageResult(int Populations, int Replicates, long Subsets, double Expected, IReadOnlyList<PartCoverage> Parts)
{
    /// <summary>Every part of one kind together: intervals and covered summed.</summary>
    public IReadOnlyList<PartCoverage> Kinds =>
        [.. Parts.GroupBy(p => p.Kind).OrderBy(g => g.Key).Select(g => new PartCoverage(
            "all", g.Key.ToString(), g.Key, g.Sum(p => p.Intervals), g.Sum(p => p.Covered), g.Sum(p => p.CoveredAdjusted), g.Sum(p => p.NotFormed)))];
}

/// <summary>
/// The out-of-sample coverage of a replicated design's intervals (<see cref="ReplicatedClaims"/>), measured on N
/// independent populations of one design that did not design it: for every subset of R populations, each part's
/// interval from those R (as a claims-scale run forms it) is compared with the same part's point estimate from the
/// other N − R (<see cref="ReplicatedClaims.PointEstimate"/>) — an independent estimate of the effect the interval is
/// for. The subsets overlap, so their intervals are not independent: the rate is an estimate of coverage, its
/// precision that of about N / R disjoint designs per part (pooled over parts, more).
/// </summary>
public static class ReplicateCoverage
{
    /// <summary>The most populations read (every R-subset is formed: C(24, 5) = 42,504).</summary>
    public const int MaxPopulations = 24;

    public static CoverageResult Measure(IReadOnlyList<IReadOnlyList<ClaimResult>> populations, int replicates)
    {
        ArgumentNullException.ThrowIfNull(populations);
        var n = populations.Count;
        if (replicates < 2 || n < replicates + 1 || n > MaxPopulations)
        {
            throw new ArgumentException($"Coverage needs 2 ≤ R < N ≤ {MaxPopulations}; got R = {replicates}, N = {n}.", nameof(replicates));
        }

        // A part is compared where every population measured it (same claim, same part name).
        var keys = populations[0].SelectMany(c => c.TestedParts.Select(p => (Claim: c.Id, p.Name, p.Ratio)))
            .Where(k => populations.All(pop => pop.Any(c => c.Id == k.Claim && c.TestedParts.Any(p => p.Name == k.Name))))
            .ToList();
        var byKey = keys.ToDictionary(
            k => (k.Claim, k.Name),
            k => populations.Select(pop => pop.Single(c => c.Id == k.Claim).TestedParts.First(p => p.Name == k.Name)).ToArray());

        // Each subset with its complement, formed once for every part.
        var subsets = Subsets(n, replicates).Select(inside => (Inside: inside, Outside: Enumerable.Range(0, n).Except(inside).ToArray())).ToList();
        var parts = new List<PartCoverage>();
        foreach (var (claim, name, ratio) in keys)
        {
            var all = byKey[(claim, name)];
            var kind = KindOf(name, ratio, all);
            var (intervals, covered, adjusted, missing) = (0, 0, 0, 0);
            var widen = AdjustedWidth(n, replicates);
            foreach (var subset in subsets)
            {
                var inside = subset.Inside.Select(i => all[i]).ToList();
                var outside = subset.Outside.Select(i => all[i]).ToList();
                var estimate = ReplicatedClaims.Estimate(inside, ratio);
                var reference = ReplicatedClaims.PointEstimate(outside, ratio);
                if (estimate is null || reference is not { } truth || !double.IsFinite(truth))
                {
                    missing++;
                    continue;
                }

                intervals++;
                covered += estimate.Ci95.Lower <= truth && truth <= estimate.Ci95.Upper ? 1 : 0;
                var distance = ratio ? Math.Abs(Math.Log(truth) - Math.Log(estimate.Effect)) : Math.Abs(truth - estimate.Effect);
                var half = ratio ? Math.Log(estimate.Ci95.Upper / estimate.Effect) : estimate.Ci95.Upper - estimate.Effect;
                adjusted += distance <= half * widen ? 1 : 0;
            }

            parts.Add(new PartCoverage(claim, name, kind, intervals, covered, adjusted, missing));
        }

        return new CoverageResult(n, replicates, subsets.Count, ExpectedRate(n, replicates), parts);
    }

    /// <summary>
    /// The rate at which a calibrated 95% t-interval from R replicates holds an independent estimate from N − R others,
    /// for normal effects of equal variance: the reference has its own noise, so the rate is below 95%:
    /// P(|T(R − 1)| ≤ t(0.975, R − 1) / √(1 + R / (N − R))) (N = 10, R = 5: 88%; N = 18: 91%).
    /// </summary>
    public static double ExpectedRate(int populations, int replicates)
    {
        var t = StudentT.Quantile(1 - ((1 - ReplicateEstimate.Confidence) / 2), replicates - 1);
        var scaled = t / AdjustedWidth(populations, replicates);
        return (2 * StudentT.Cdf(scaled, replicates - 1)) - 1;
    }

    /// <summary>
    /// √(1 + R / (N − R)): the factor that turns a 95% interval for the effect into one for the mean of N − R further
    /// populations (a prediction interval), for normal effects of equal variance.
    /// </summary>
    public static double AdjustedWidth(int populations, int replicates) =>
        Math.Sqrt(1 + ((double)replicates / (populations - replicates)));

    private static PartKind KindOf(string name, bool ratio, IReadOnlyList<ClaimPart> all) =>
        ratio
            ? all.All(p => p.Sides is not null) ? PartKind.TprRatio : PartKind.OtherRatio
            : name.Contains("auc", StringComparison.OrdinalIgnoreCase) ? PartKind.AucDifference : PartKind.OtherDifference;

    /// <summary>Every R-subset of 0..n−1, in lexicographic order.</summary>
    private static IEnumerable<int[]> Subsets(int n, int r)
    {
        var index = Enumerable.Range(0, r).ToArray();
        while (true)
        {
            yield return [.. index];
            var i = r - 1;
            while (i >= 0 && index[i] == n - r + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            index[i]++;
            for (var j = i + 1; j < r; j++)
            {
                index[j] = index[j - 1] + 1;
            }
        }
    }
}
