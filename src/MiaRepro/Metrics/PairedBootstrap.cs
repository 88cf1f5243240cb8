using MiaRepro.Numerics;

namespace MiaRepro.Metrics;

/// <summary>
/// Paired bootstrap for comparing two recipes measured on the same examples and the same keep matrix
/// (targets = models). Each replicate draws models and examples with replacement — the same draws for both
/// recipes — and recomputes the metric of each recipe on the pooled scores of the drawn (target, example) cells.
/// </summary>
/// <remarks>
/// <para>A cell drawn k times for its model and l times for its example enters the pooled ROC with weight k·l,
/// so a replicate is one weighted sweep over scores sorted once up front: O(models·examples), no re-sorting.</para>
/// <para>Ratios: x/0 is +∞ for x &gt; 0 (−∞ for x &lt; 0); replicates with 0/0 are excluded from the ratio
/// interval and counted in <see cref="PairedComparison.Excluded"/>. Replicates where the metric is null for
/// either recipe (e.g. too few non-members drawn for a TPR) are dropped from both intervals and counted in
/// <see cref="PairedComparison.Undefined"/>.</para>
/// <para>Deterministic: replicate r uses its own generator seeded from (seed, r), so the result does not depend
/// on the number of cores.</para>
/// </remarks>
public static class PairedBootstrap
{
    public const int DefaultReplicates = 1000;

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

        var a = new Sorted(scoresA, keep, examples);
        var b = new Sorted(scoresB, keep, examples);
        var fullA = metric(AttackMetrics.FromSorted(a.Scores, a.Members, default))
            ?? throw new ArgumentException("The metric is undefined for A on the full data.", nameof(metric));
        var fullB = metric(AttackMetrics.FromSorted(b.Scores, b.Members, default))
            ?? throw new ArgumentException("The metric is undefined for B on the full data.", nameof(metric));

        var ratios = new double[replicates];
        var differences = new double[replicates];
        Parallel.For(
            0,
            replicates,
            () => new Buffers(models, examples, cells),
            (r, _, buffers) =>
            {
                buffers.Draw(SplitMix64.Derive(seed, (ulong)r));
                var ma = buffers.Metric(a, metric);
                var mb = buffers.Metric(b, metric);
                (ratios[r], differences[r]) = ma is { } x && mb is { } y ? (Ratio(x, y), x - y) : (double.NaN, double.NaN);
                return buffers;
            },
            _ => { });

        var undefined = differences.Count(double.IsNaN);
        var excluded = ratios.Count(double.IsNaN) - undefined;
        return new PairedComparison(
            fullA,
            fullB,
            Ratio(fullA, fullB),
            Interval.Percentile(ratios.Where(v => !double.IsNaN(v)).ToArray()),
            fullA - fullB,
            Interval.Percentile(differences.Where(v => !double.IsNaN(v)).ToArray()),
            replicates,
            undefined,
            excluded);
    }

    /// <summary>x/y with x/0 = ±∞ for x ≠ 0 and 0/0 = NaN (excluded).</summary>
    public static double Ratio(double x, double y) =>
        y != 0.0 ? x / y : x > 0.0 ? double.PositiveInfinity : x < 0.0 ? double.NegativeInfinity : double.NaN;

    /// <summary>One recipe's cells sorted once by descending score, with the model and example of each.</summary>
    private sealed class Sorted
    {
        public Sorted(double[] scores, bool[] keep, int examples)
        {
            int[] cells;
            (Scores, Members, cells) = RocSweep.SortDescending(scores, keep);
            Models = new int[cells.Length];
            Examples = new int[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                (Models[i], Examples[i]) = Math.DivRem(cells[i], examples);
            }
        }

        public double[] Scores { get; }

        public bool[] Members { get; }

        /// <summary>The model (target) of each sorted cell.</summary>
        public int[] Models { get; }

        /// <summary>The example of each sorted cell.</summary>
        public int[] Examples { get; }
    }

    /// <summary>Per-thread scratch: draw counts of models and examples, and cell weights.</summary>
    private sealed class Buffers(int models, int examples, int cells)
    {
        private readonly int[] _modelCounts = new int[models];
        private readonly int[] _exampleCounts = new int[examples];
        private readonly int[] _weights = new int[cells];
        private readonly double[] _scores = new double[cells];
        private readonly bool[] _members = new bool[cells];

        public void Draw(ulong seed)
        {
            var random = new SplitMix64(seed);
            Array.Clear(_modelCounts);
            Array.Clear(_exampleCounts);
            for (var i = 0; i < _modelCounts.Length; i++)
            {
                _modelCounts[random.NextInt(_modelCounts.Length)]++;
            }

            for (var i = 0; i < _exampleCounts.Length; i++)
            {
                _exampleCounts[random.NextInt(_exampleCounts.Length)]++;
            }
        }

        public double? Metric(Sorted recipe, Func<AttackMetrics, double?> metric)
        {
            long positives = 0;
            long negatives = 0;
            var (models, examples, members) = (recipe.Models, recipe.Examples, recipe.Members);
            var drawn = 0;
            for (var i = 0; i < _weights.Length; i++)
            {
                // Most cells are not drawn (weight 0); keep only the drawn ones, still in descending order.
                var w = _modelCounts[models[i]] * _exampleCounts[examples[i]];
                if (w == 0)
                {
                    continue;
                }

                _weights[drawn] = w;
                _scores[drawn] = recipe.Scores[i];
                _members[drawn++] = members[i];
                if (members[i])
                {
                    positives += w;
                }
                else
                {
                    negatives += w;
                }
            }

            return positives == 0 || negatives == 0
                ? null
                : metric(AttackMetrics.FromSorted(_scores.AsSpan(0, drawn), _members.AsSpan(0, drawn), _weights.AsSpan(0, drawn), (positives, negatives)));
        }
    }
}
