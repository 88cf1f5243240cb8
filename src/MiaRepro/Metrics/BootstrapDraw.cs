using MiaRepro.Numerics;

namespace MiaRepro.Metrics;

/// <summary>
/// One bootstrap replicate over targets and examples together, and per-thread scratch to measure score sets on it:
/// models and examples are drawn with replacement, and a cell drawn k times for its model and l times for its
/// example weighs k·l in the pooled ROC. The weights and the weighted member and non-member counts depend on the
/// keep matrix only, so they are computed once per replicate for every score set.
/// </summary>
internal sealed class BootstrapDraw
{
    private readonly bool[] _keep;
    private readonly int[] _modelCounts;
    private readonly int[] _exampleCounts;
    private readonly int[] _cellWeights;
    private readonly int[] _weights;
    private readonly double[] _scores;
    private readonly bool[] _members;
    private readonly long[] _fpAt = new long[OperatingPoints.Standard.Count];
    private readonly long[] _tpBelow = new long[OperatingPoints.Standard.Count];
    private long _positives;
    private long _negatives;

    /// <param name="keep">Membership, [models, examples] in C order.</param>
    public BootstrapDraw(bool[] keep, int models, int examples)
    {
        _keep = keep;
        _modelCounts = new int[models];
        _exampleCounts = new int[examples];
        _cellWeights = new int[keep.Length];
        _weights = new int[keep.Length];
        _scores = new double[keep.Length];
        _members = new bool[keep.Length];
    }

    /// <summary>Replicate <paramref name="replicate"/> of <paramref name="seed"/>: its own generator, so replicates may run on any thread.</summary>
    public void Draw(ulong seed, int replicate, BootstrapScheme scheme = BootstrapScheme.Crossed)
    {
        DrawCounts(seed, replicate, _modelCounts, _exampleCounts, scheme);
        var examples = _exampleCounts.Length;
        long total = 0;
        _positives = 0;
        for (var m = 0; m < _modelCounts.Length; m++)
        {
            for (var n = 0; n < examples; n++)
            {
                var cell = (m * examples) + n;
                var w = _modelCounts[m] * _exampleCounts[n];
                _cellWeights[cell] = w;
                total += w;
                _positives += w & -(_keep[cell] ? 1 : 0);
            }
        }

        _negatives = total - _positives;
    }

    /// <summary>
    /// Replicate <paramref name="replicate"/>'s draw with replacement: how many times each model and each example is
    /// drawn (as many draws as there are models, then examples), from its own generator seeded from (seed, replicate).
    /// A one-way <paramref name="scheme"/> draws from a stream of its own and counts the other side once each.
    /// </summary>
    public static void DrawCounts(
        ulong seed, int replicate, int[] modelCounts, int[] exampleCounts, BootstrapScheme scheme = BootstrapScheme.Crossed)
    {
        var stream = scheme switch
        {
            BootstrapScheme.Crossed => seed,
            BootstrapScheme.Targets => SplitMix64.Derive(seed, TargetStream),
            BootstrapScheme.Examples => SplitMix64.Derive(seed, ExampleStream),
            _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
        };
        var random = new SplitMix64(SplitMix64.Derive(stream, (ulong)replicate));
        if (scheme == BootstrapScheme.Examples)
        {
            Array.Fill(modelCounts, 1);
        }
        else
        {
            Resample(ref random, modelCounts);
        }

        if (scheme == BootstrapScheme.Targets)
        {
            Array.Fill(exampleCounts, 1);
        }
        else
        {
            Resample(ref random, exampleCounts);
        }
    }

    /// <summary>The stream of targets-only draws: "targets" in ASCII.</summary>
    private const ulong TargetStream = 0x73746567726174;

    /// <summary>The stream of examples-only draws: "examples" in ASCII.</summary>
    private const ulong ExampleStream = 0x73656C706D617865;

    /// <summary>One draw with replacement of <paramref name="counts"/>.Length items: how many times each is drawn.</summary>
    public static void Resample(ref SplitMix64 random, int[] counts)
    {
        Array.Clear(counts);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[random.NextInt(counts.Length)]++;
        }
    }

    /// <summary>The metrics of <paramref name="cells"/> on the current draw, or null when it drew no member or no non-member.</summary>
    public AttackMetrics? Metrics(BootstrapCells cells)
    {
        if (_positives == 0 || _negatives == 0)
        {
            return null;
        }

        // Most cells are not drawn (weight 0); keep only the drawn ones, still in descending order.
        var drawn = 0;
        for (var i = 0; i < cells.Cells.Length; i++)
        {
            var w = _cellWeights[cells.Cells[i]];
            _weights[drawn] = w;
            _scores[drawn] = cells.Scores[i];
            _members[drawn] = cells.Members[i];
            drawn += w != 0 ? 1 : 0;
        }

        return AttackMetrics.FromSorted(_scores.AsSpan(0, drawn), _members.AsSpan(0, drawn), _weights.AsSpan(0, drawn), (_positives, _negatives));
    }

    /// <summary>
    /// The AUC of <paramref name="cells"/> on the current draw, and its TPR at each of
    /// <see cref="OperatingPoints.Standard"/> into <paramref name="tprs"/> (NaN where null): the numbers of
    /// <see cref="Metrics"/>, bit for bit, in one pass without branches on membership. A group of tied scores that
    /// was not drawn adds exactly 0 to the area and moves no FPR, so every group end is visited; an FPR t is passed
    /// at the first false-positive count f with f / negatives ≥ t, found once per replicate.
    /// </summary>
    public double AucAndTprs(BootstrapCells cells, Span<double> tprs)
    {
        var fprs = OperatingPoints.Standard;
        if (_positives == 0 || _negatives == 0)
        {
            tprs.Fill(double.NaN);
            return double.NaN;
        }

        for (var k = 0; k < fprs.Count; k++)
        {
            _fpAt[k] = FirstFalsePositivesReaching(fprs[k], _negatives);
        }

        var open = fprs.Count;
        double area = 0;
        long tp = 0, fp = 0, lastTp = 0, lastFp = 0;
        var (order, membership, ends) = (cells.Cells, cells.Membership, cells.GroupEnds);
        for (var i = 0; i < order.Length; i++)
        {
            var w = _cellWeights[order[i]];
            var member = membership[i];
            tp += w & -member;
            fp += w & (member - 1);
            if (ends[i])
            {
                area += (fp - lastFp) * (0.5 * (tp + lastTp));
                while (open > 0 && fp >= _fpAt[open - 1])
                {
                    _tpBelow[--open] = lastTp;
                }

                (lastTp, lastFp) = (tp, fp);
            }
        }

        for (var k = 0; k < fprs.Count; k++)
        {
            tprs[k] = _negatives < AttackMetrics.MinimumNonMembers(fprs[k])
                ? double.NaN
                : (double)(k < open ? lastTp : _tpBelow[k]) / _positives;
        }

        return area / ((double)_positives * _negatives);
    }

    /// <summary>The smallest count f with f / <paramref name="negatives"/> ≥ <paramref name="fpr"/> in floating point.</summary>
    private static long FirstFalsePositivesReaching(double fpr, long negatives)
    {
        var f = (long)Math.Ceiling(fpr * negatives);
        while (f > 0 && (double)(f - 1) / negatives >= fpr)
        {
            f--;
        }

        while ((double)f / negatives < fpr)
        {
            f++;
        }

        return f;
    }
}
