namespace MiaRepro.Metrics;

/// <summary>Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their mean rank.</summary>
public static class RankCorrelation
{
    /// <summary>ρ of <paramref name="x"/> and <paramref name="y"/>; NaN when either is constant or there are fewer than 2 pairs.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y {y.Count}; they must pair up.");
        }

        return x.Count < 2 ? double.NaN : Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>
    /// Spearman's partial correlation of <paramref name="x"/> and <paramref name="y"/> given <paramref name="z"/>:
    /// (ρxy − ρxz ρyz) ÷ √((1 − ρxz²)(1 − ρyz²)) of the rank correlations. NaN when a correlation is undefined or
    /// <paramref name="z"/> determines <paramref name="x"/> or <paramref name="y"/> (|ρ| = 1 up to rounding): then
    /// nothing of x or y is left beyond z.
    /// </summary>
    public static double PartialSpearman(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> z)
    {
        var (xy, xz, yz) = (Spearman(x, y), Spearman(x, z), Spearman(y, z));
        var rest = (1 - (xz * xz)) * (1 - (yz * yz));
        return double.IsNaN(xy) || double.IsNaN(rest) || rest < 1e-12 ? double.NaN : (xy - (xz * yz)) / Math.Sqrt(rest);
    }

    /// <summary>Ranks 1..n, ties sharing the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                end++;
            }

            var mean = ((start + 1) + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = mean;
            }

            start = end;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
