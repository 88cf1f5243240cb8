namespace MiaRepro.Metrics;

/// <summary>
/// Paired bootstrap for comparing two recipes measured on the same examples and the same keep matrix
/// (targets = models). Each replicate draws models and examples with replacement — the same draws for both
/// recipes — and recomputes the metric of each recipe on the pooled scores of the drawn (target, example) cells;
/// the one-way schemes (targets only, examples only) size the interval to the design's variance
/// (<see cref="CrossedInterval"/>).
/// </summary>
/// <remarks>
/// <para>A cell drawn k times for its model and l times for its example enters the pooled ROC with weight k·l,
/// so a replicate is one weighted sweep over scores sorted once up front: O(models·examples), no re-sorting.</para>
/// <para>Ratios: x/0 is +∞ for x &gt; 0 (−∞ for x &lt; 0); replicates with 0/0 are excluded from the ratio
/// interval and counted in <see cref="PairedComparison.Excluded"/>. Replicates where the metric is null for
/// either recipe (e.g. too few non-members drawn for a TPR) are dropped from both intervals and counted in
/// <see cref="PairedComparison.Undefined"/> (both counts: the crossed draws').</para>
/// <para>Deterministic: replicate r uses its own generator seeded from (seed, r), so the result does not depend
/// on the number of cores.</para>
/// </remarks>
public static class PairedBootstrap
{
    public const int DefaultReplicates = 1000;

    /// <summary>
    /// The most replicates an interval is asked for (each replicate keeps its metrics, so memory grows with them;
    /// the Monte Carlo error of a 95% bound is already below 0.1 percentile points at 10,000).
    /// </summary>
    public const int MaxReplicates = 100_000;

    /// <param name="scoresA">Recipe A's scores, [models, examples] in C order.</param>
    /// <param name="scoresB">Recipe B's scores, [models, examples] in C order.</param>
    /// <param name="keep">Membership, [models, examples] in C order, shared by both recipes.</param>
    /// <param name="metric">The metric to compare, e.g. <c>m => m.Tpr(0.001)</c> or <c>m => m.Auc</c>.</param>
    /// <exception cref="ArgumentException">Mismatched shapes, NaN scores, or a metric undefined on the full data.</exception>
    public static PairedComparison Compare(
        double[] scoresA,
        double[] scoresB,
        bool[] keep,
        int models,
        int examples,
        Func<AttackMetrics, double?> metric,
        int replicates = DefaultReplicates,
        ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scoresA);
        ArgumentNullException.ThrowIfNull(scoresB);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(models);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(examples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicates);
        var cells = checked(models * examples);
        if (scoresA.Length != cells || scoresB.Length != cells || keep.Length != cells)
        {
            throw new ArgumentException(
                $"Expected {models} × {examples} = {cells} cells; got A {scoresA.Length}, B {scoresB.Length}, keep {keep.Length}.");
        }

        var metrics = Replicates([scoresA, scoresB], keep, models, examples, metric, replicates, seed);
        var fullA = metrics.Full[0] ?? throw new ArgumentException("The metric is undefined for A on the full data.", nameof(metric));
        var fullB = metrics.Full[1] ?? throw new ArgumentException("The metric is undefined for B on the full data.", nameof(metric));
        var ratio = metrics.Interval(Ratio(fullA, fullB), v => Ratio(v[0], v[1]), logScale: true);
        var difference = metrics.Interval(fullA - fullB, v => v[0] - v[1], logScale: false);
        var undefined = metrics.Crossed.Count(v => double.IsNaN(v[0]) || double.IsNaN(v[1]));
        var excluded = metrics.Crossed.Count(v => !double.IsNaN(v[0]) && !double.IsNaN(v[1]) && double.IsNaN(Ratio(v[0], v[1])));
        return new PairedComparison(fullA, fullB, Ratio(fullA, fullB), ratio, fullA - fullB, difference, replicates, undefined, excluded);
    }

    /// <summary>
    /// The metric of several score sets on one keep matrix, on the full data and on each replicate of the paired
    /// draws (the same draws for every set, as <see cref="Compare"/>) under each <see cref="BootstrapScheme"/>: what a
    /// comparison of more than two sets (C3: the combined recipe against each technique alone) is computed from.
    /// </summary>
    public static SchemeReplicates Replicates(
        IReadOnlyList<double[]> scoreSets,
        bool[] keep,
        int models,
        int examples,
        Func<AttackMetrics, double?> metric,
        int replicates = DefaultReplicates,
        ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scoreSets);
        var cells = scoreSets.Select(s => new BootstrapCells(s, keep)).ToArray();
        var full = cells.Select(c => metric(c.Full())).ToArray();
        double[][] Draw(BootstrapScheme scheme)
        {
            var byReplicate = new double[replicates][];
            Parallel.For(
                0,
                replicates,
                () => new BootstrapDraw(keep, models, examples),
                (r, _, draw) =>
                {
                    draw.Draw(seed, r, scheme);
                    byReplicate[r] = [.. cells.Select(c => draw.Metrics(c) is { } m && metric(m) is { } v ? v : double.NaN)];
                    return draw;
                },
                _ => { });
            return byReplicate;
        }

        return new SchemeReplicates(full, Draw(BootstrapScheme.Crossed), Draw(BootstrapScheme.Targets), Draw(BootstrapScheme.Examples));
    }

    /// <summary>x/y with x/0 = ±∞ for x ≠ 0 and 0/0 = NaN (excluded).</summary>
    public static double Ratio(double x, double y) =>
        y != 0.0 ? x / y : x > 0.0 ? double.PositiveInfinity : x < 0.0 ? double.NegativeInfinity : double.NaN;
}
