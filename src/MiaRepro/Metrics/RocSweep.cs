namespace MiaRepro.Metrics;

/// <summary>
/// Walks an exact ROC curve: scores sorted descending, one point per distinct score (ties grouped), starting at
/// (0, 0) with threshold +∞. Each cell may carry an integer weight (how often a bootstrap drew it). Unweighted scores
/// are walked from radix-sorted keys split by truth; weighted ones (the bootstrap's) from scores sorted descending
/// with their cells.
/// </summary>
internal static class RocSweep
{
    internal interface IVisitor
    {
        void Visit(long truePositives, long falsePositives, double threshold);
    }

    /// <summary>Weighted counts of members (positives) and non-members (negatives); empty weights mean 1 each.</summary>
    public static (long Positives, long Negatives) Totals(ReadOnlySpan<bool> member, ReadOnlySpan<int> weights)
    {
        long positives = 0;
        long negatives = 0;
        for (var i = 0; i < member.Length; i++)
        {
            long w = weights.IsEmpty ? 1 : weights[i];
            if (member[i])
            {
                positives += w;
            }
            else
            {
                negatives += w;
            }
        }

        return (positives, negatives);
    }

    public static void Walk<TVisitor>(
        ReadOnlySpan<double> sortedDescending, ReadOnlySpan<bool> member, ReadOnlySpan<int> weights, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        long tp = 0;
        long fp = 0;
        visitor.Visit(0, 0, double.PositiveInfinity);
        var i = 0;
        while (i < sortedDescending.Length)
        {
            var threshold = sortedDescending[i];
            long groupWeight = 0;
            do
            {
                long w = weights.IsEmpty ? 1 : weights[i];
                groupWeight += w;
                if (member[i])
                {
                    tp += w;
                }
                else
                {
                    fp += w;
                }

                i++;
            }
            while (i < sortedDescending.Length && sortedDescending[i] == threshold);

            if (groupWeight > 0)
            {
                visitor.Visit(tp, fp, threshold);
            }
        }
    }

    /// <summary>
    /// The same curve, walked from the members' and the non-members' keys (<see cref="ScoresByTruth"/>), each sorted
    /// ascending: merged from the top, one point per distinct key, so the points, and every sum over them, are those
    /// of the walk over scores sorted descending.
    /// </summary>
    public static void Walk<TVisitor>(ReadOnlySpan<ulong> membersAscending, ReadOnlySpan<ulong> nonMembersAscending, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        var i = membersAscending.Length - 1;
        var j = nonMembersAscending.Length - 1;
        visitor.Visit(0, 0, double.PositiveInfinity);
        while (i >= 0 || j >= 0)
        {
            var key = i < 0 ? nonMembersAscending[j]
                : j < 0 ? membersAscending[i]
                : Math.Max(membersAscending[i], nonMembersAscending[j]);
            while (i >= 0 && membersAscending[i] == key)
            {
                i--;
            }

            while (j >= 0 && nonMembersAscending[j] == key)
            {
                j--;
            }

            visitor.Visit(membersAscending.Length - 1 - i, nonMembersAscending.Length - 1 - j, SortableKeys.ToScore(key));
        }
    }

    /// <summary>Sorts a copy of the scores descending, carrying the truth along; NaN is a caller's bug.</summary>
    public static (double[] Scores, bool[] Members, int[] Order) SortDescending(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isMember)
    {
        if (scores.Length != isMember.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {isMember.Length} membership labels.", nameof(isMember));
        }

        var keys = new double[scores.Length];
        var order = new int[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"Score {i} is NaN: an attack produced an undefined score.", nameof(scores));
            }

            keys[i] = -scores[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var sorted = new double[scores.Length];
        var members = new bool[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sorted[i] = -keys[i];
            members[i] = isMember[order[i]];
        }

        return (sorted, members, order);
    }
}
