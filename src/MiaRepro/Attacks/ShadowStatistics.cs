using System.Collections.Concurrent;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// Means and sums of squared deviations (M2) of φ over the IN and the OUT models of every (example, query),
/// computed once over all models (two passes: means, then deviations from them), from which the statistics
/// without any one target follow in O(1): removing x from a group of n with mean μ gives
/// μ' = μ + (μ − x)/(n − 1) and M2' = M2 − (x − μ)(x − μ'). Leave-one-out is therefore O(M·N·Q) in all.
/// <para>
/// Balanced leave-one-out: removing the target alone would leave an IN target with one IN shadow fewer than
/// OUT shadows and an OUT target the reverse (on a balanced keep matrix: M/2 − 1 against M/2). The spread of
/// a mean or σ estimated from fewer samples is larger, so the score would shift with membership through the
/// sample sizes alone — with 16 models LiRA's AUC is 0.49 on a population without any signal. So each
/// target also drops one shadow from the other side, its partner (<see cref="BalancedPartners"/>: the first model
/// after the target, cyclically, on that side — a function of the keep matrix only), and every target sees M/2 − 1
/// IN and M/2 − 1 OUT shadows of every example.
/// </para>
/// </summary>
internal sealed class ShadowStatistics
{
    /// <summary>
    /// Added to every σ so that a shadow distribution with no spread (σ = 0) still gives finite scores, as the
    /// LiRA reference code does (std + 1e-30); far below any real spread of φ, so it changes nothing else.
    /// </summary>
    public const double SigmaFloor = 1e-30;

    /// <summary>Shadows a target needs on each side of every example for a spread to exist (a σ from one score is 0).</summary>
    public const int MinShadowsPerSide = 2;

    /// <summary>
    /// Why LiRA cannot fit its Gaussians on <paramref name="population"/>, or null: after balanced leave-one-out a
    /// target keeps min(IN, OUT) − 1 shadows of an example on each side, and σ needs two of them — so a balanced
    /// keep matrix needs at least 6 models.
    /// </summary>
    public static string? MissingShadows(Population population)
    {
        var (models, examples) = (population.Models, population.Examples);
        var fewest = int.MaxValue;
        for (var n = 0; n < examples; n++)
        {
            var members = 0;
            for (var m = 0; m < models; m++)
            {
                members += population.Keep[(m * examples) + n] ? 1 : 0;
            }

            fewest = Math.Min(fewest, Math.Min(members, models - members) - 1);
        }

        return fewest >= MinShadowsPerSide
            ? null
            : $"needs at least {MinShadowsPerSide} IN and {MinShadowsPerSide} OUT shadows per example and target after " +
              $"balanced leave-one-out (≥ {(2 * MinShadowsPerSide) + 2} models with a balanced keep matrix); this population leaves {fewest}";
    }

    private readonly Population _population;
    private readonly int[] _inCount;
    private readonly double[] _meanIn;
    private readonly double[] _m2In;
    private readonly double[] _meanOut;
    private readonly double[] _m2Out;
    private readonly double _totalM2In;
    private readonly double _totalM2Out;
    private readonly long _totalIn;

    public ShadowStatistics(Population population)
    {
        PopulationValidation.RequireShadowsForEveryTarget(population);
        _population = population;
        var (models, examples, queries) = (population.Models, population.Examples, population.Queries);
        var cells = examples * queries;
        _inCount = new int[examples];
        _meanIn = new double[cells];
        _m2In = new double[cells];
        _meanOut = new double[cells];
        _m2Out = new double[cells];

        // Every (example, query) sums over the models in model order; examples are independent, so ranges of them
        // run in parallel and the sums are the same on any number of cores.
        Parallel.ForEach(Partitioner.Create(0, examples, Math.Max(1024, examples / (4 * Environment.ProcessorCount))), range =>
        {
            var (from, to) = range;
            for (var m = 0; m < models; m++)
            {
                for (var n = from; n < to; n++)
                {
                    var member = population.Keep[(m * examples) + n];
                    _inCount[n] += member ? 1 : 0;
                    var sums = member ? _meanIn : _meanOut;
                    for (var q = 0; q < queries; q++)
                    {
                        sums[(n * queries) + q] += Phi(m, n, q);
                    }
                }
            }

            for (var j = from * queries; j < to * queries; j++)
            {
                var inCount = _inCount[j / queries];
                _meanIn[j] /= inCount;
                _meanOut[j] /= models - inCount;
            }

            for (var m = 0; m < models; m++)
            {
                for (var n = from; n < to; n++)
                {
                    var member = population.Keep[(m * examples) + n];
                    var (means, m2) = member ? (_meanIn, _m2In) : (_meanOut, _m2Out);
                    for (var q = 0; q < queries; q++)
                    {
                        var j = (n * queries) + q;
                        var d = Phi(m, n, q) - means[j];
                        m2[j] += d * d;
                    }
                }
            }
        });

        _totalM2In = _m2In.Sum();
        _totalM2Out = _m2Out.Sum();
        _totalIn = _inCount.Sum(c => (long)c) * queries;
    }

    public double Phi(int model, int example, int query) =>
        _population.Scores[(((long)model * _population.Examples) + example) * _population.Queries + query];

    /// <summary>The <see cref="BalancedPartners.Of(Population, int, int)"/> of a target for one example.</summary>
    public int Partner(int target, int example) => BalancedPartners.Of(_population, target, example);

    /// <summary>The <see cref="BalancedPartners"/> of <paramref name="target"/> for every example.</summary>
    public void Partners(int target, Span<int> partners) => BalancedPartners.Of(_population, target, partners);

    /// <summary>The IN and OUT shadow Gaussians of (example, query) with <paramref name="target"/> and its partner left out.</summary>
    public ShadowGaussians Without(int target, int example, int query, int partner)
    {
        var (meanIn, sigmaIn) = SideWithout(true, target, example, query, partner);
        var (meanOut, sigmaOut) = SideWithout(false, target, example, query, partner);
        return new ShadowGaussians(meanIn, sigmaIn, meanOut, sigmaOut);
    }

    /// <summary>
    /// The Gaussian of the IN (<paramref name="inside"/>) or the OUT shadows of (example, query) with
    /// <paramref name="target"/> and <paramref name="partner"/> left out: one of the two leaves each side.
    /// </summary>
    public (double Mean, double Sigma) SideWithout(bool inside, int target, int example, int query, int partner)
    {
        var (j, count, leaving) = Side(inside, target, example, query, partner);
        var (mean, m2) = Remove(inside ? _meanIn[j] : _meanOut[j], inside ? _m2In[j] : _m2Out[j], count, leaving);
        return (mean, Math.Sqrt(m2 / (count - 1)) + SigmaFloor);
    }

    /// <summary>The mean alone of <see cref="SideWithout"/>, for the global variants, whose σ is the target's global one.</summary>
    public double MeanWithout(bool inside, int target, int example, int query, int partner)
    {
        var (j, count, leaving) = Side(inside, target, example, query, partner);
        return RemoveFromMean(inside ? _meanIn[j] : _meanOut[j], count, leaving);
    }

    /// <summary>
    /// One σ_in and one σ_out for <paramref name="target"/>: the root mean square deviation of every IN (OUT) shadow
    /// score from its own example's IN (OUT) mean, pooled over all examples and queries, target and partners
    /// (<paramref name="partners"/>, from <see cref="Partners"/>) left out.
    /// </summary>
    public (double SigmaIn, double SigmaOut) GlobalSigmas(int target, ReadOnlySpan<int> partners)
    {
        var (models, examples, queries) = (_population.Models, _population.Examples, _population.Queries);
        double m2In = _totalM2In, m2Out = _totalM2Out;
        for (var n = 0; n < examples; n++)
        {
            var member = _population.Keep[(target * examples) + n];
            var partner = partners[n];
            var (inCount, outCount) = (_inCount[n], models - _inCount[n]);
            for (var q = 0; q < queries; q++)
            {
                var j = (n * queries) + q;
                var (inLeaving, outLeaving) = member ? (Phi(target, n, q), Phi(partner, n, q)) : (Phi(partner, n, q), Phi(target, n, q));
                m2In -= Reduction(_meanIn[j], inCount, inLeaving);
                m2Out -= Reduction(_meanOut[j], outCount, outLeaving);
            }
        }

        // One score leaves each side of every (example, query).
        var cells = (long)examples * queries;
        var inTotal = _totalIn - cells;
        var outTotal = ((long)models * cells) - _totalIn - cells;
        return (Math.Sqrt(Math.Max(m2In, 0.0) / inTotal) + SigmaFloor, Math.Sqrt(Math.Max(m2Out, 0.0) / outTotal) + SigmaFloor);
    }

    /// <summary>The model after <paramref name="model"/>, cyclically.</summary>

    /// <summary>The cell of (example, query), the size of one side before removal, and the score that leaves it.</summary>
    private (int Cell, int Count, double Leaving) Side(bool inside, int target, int example, int query, int partner)
    {
        var inCount = _inCount[example];
        var targetInside = _population.Keep[(target * _population.Examples) + example] == inside;
        return (
            (example * _population.Queries) + query,
            inside ? inCount : _population.Models - inCount,
            Phi(targetInside ? target : partner, example, query));
    }

    /// <summary>The mean of a group of <paramref name="count"/> values with mean μ after removing <paramref name="x"/>.</summary>
    private static double RemoveFromMean(double mean, int count, double x) => mean + ((mean - x) / (count - 1));

    /// <summary>Mean and M2 of a group of <paramref name="count"/> values after removing <paramref name="x"/>.</summary>
    private static (double Mean, double M2) Remove(double mean, double m2, int count, double x)
    {
        var reduction = Reduction(mean, count, x);
        return (RemoveFromMean(mean, count, x), Math.Max(m2 - reduction, 0.0));
    }

    /// <summary>How much M2 shrinks when x leaves a group of <paramref name="count"/> with mean μ: (x − μ)(x − μ') = n/(n−1)·(x − μ)².</summary>
    private static double Reduction(double mean, int count, double x)
    {
        var d = x - mean;
        return d * d * count / (count - 1);
    }
}
