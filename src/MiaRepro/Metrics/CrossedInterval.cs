namespace MiaRepro.Metrics;

/// <summary>
/// The 95% interval of a statistic of (target, example) cells, sized to the variation between independent trainings
/// of the design rather than to the crossed bootstrap's larger variance.
/// </summary>
/// <remarks>
/// <para>Model the cells as y = μ + a(target) + b(example) + e(cell), with variances σa², σb², σe², R targets and C
/// examples. A statistic that is smooth in the cells' mean varies between independent runs of the design (new targets,
/// new examples, new cells) as V = σa²/R + σb²/C + σe²/RC. The three bootstraps estimate, to first order:
/// targets only V_t = σa²/R + σe²/RC; examples only V_e = σb²/C + σe²/RC; crossed (a cell weighs k·l, k and l
/// multinomial counts with E[k²] ≈ E[l²] ≈ 2, so Var(k·l) ≈ 3) V_c = σa²/R + σb²/C + 3σe²/RC. The crossed bootstrap
/// therefore counts the cells' own variance three times (Owen 2007, "The pigeonhole bootstrap", shows it is
/// conservative for crossed designs), and V = 2(V_t + V_e) − V_c. Membership scores are mostly that term (whether an
/// example was IN for a target is drawn per cell), so the crossed intervals of the claims were about 1.5× wider than
/// the spread of their effects between independently trained master seeds (docs/claims.md).</para>
/// <para>Each V is read from its bootstrap's 95% percentile interval as the square of its width (on the log scale for
/// ratios); V is never taken below max(V_t, V_e), each of which is at most the design's variance, nor above V_c. The
/// interval is the crossed percentile interval narrowed around the estimate by √(V / V_c) on each side, so it keeps
/// the crossed interval's asymmetry. Where a width is not finite (an infinite or zero bound of a ratio) the crossed
/// interval is returned as it is (factor 1: conservative).</para>
/// </remarks>
public static class CrossedInterval
{
    /// <summary>The crossed interval narrowed to the design's variance.</summary>
    /// <param name="estimate">The statistic on the full data.</param>
    /// <param name="crossed">Its replicates under <see cref="BootstrapScheme.Crossed"/> (NaN: left out).</param>
    /// <param name="targets">Under <see cref="BootstrapScheme.Targets"/>.</param>
    /// <param name="examples">Under <see cref="BootstrapScheme.Examples"/>.</param>
    /// <param name="logScale">A ratio: widths and narrowing on the log scale.</param>
    public static Interval Of(
        double estimate, IReadOnlyList<double> crossed, IReadOnlyList<double> targets, IReadOnlyList<double> examples, bool logScale)
    {
        var wide = Interval.Percentile(Defined(crossed));
        var factor = Factor(wide, Interval.Percentile(Defined(targets)), Interval.Percentile(Defined(examples)), logScale);
        var centre = Scale(estimate, logScale);
        if (factor >= 1 || !double.IsFinite(centre))
        {
            return wide;
        }

        var lower = centre - (factor * (centre - Scale(wide.Lower, logScale)));
        var upper = centre + (factor * (Scale(wide.Upper, logScale) - centre));
        return new Interval(Unscale(lower, logScale), Unscale(upper, logScale));
    }

    /// <summary>√(V / V_c) from the three intervals' widths, or 1 where a width is not finite and positive.</summary>
    private static double Factor(Interval crossed, Interval targets, Interval examples, bool logScale)
    {
        var (c, t, e) = (Width(crossed, logScale), Width(targets, logScale), Width(examples, logScale));
        if (!(double.IsFinite(c) && double.IsFinite(t) && double.IsFinite(e)) || c <= 0)
        {
            return 1.0;
        }

        var design = Math.Max((2 * ((t * t) + (e * e))) - (c * c), Math.Max(t * t, e * e));
        return Math.Min(1.0, Math.Sqrt(design) / c);
    }

    private static double Width(Interval interval, bool logScale) =>
        Scale(interval.Upper, logScale) - Scale(interval.Lower, logScale);

    private static double Scale(double value, bool logScale) =>
        !logScale ? value : value > 0 ? Math.Log(value) : double.NaN;

    private static double Unscale(double value, bool logScale) => logScale ? Math.Exp(value) : value;

    private static double[] Defined(IReadOnlyList<double> values) => [.. values.Where(v => !double.IsNaN(v))];
}
