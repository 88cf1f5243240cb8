namespace MiaRepro.Attacks;

/// <summary>Where LiRA centres a shadow Gaussian.</summary>
public enum LiraCentre
{
    /// <summary>The mean of the shadows' φ (the LiRA paper's μ; LeakPro).</summary>
    Mean,

    /// <summary>The median of the shadows' φ (<c>np.median</c> in the reference code's <c>plot.py</c>).</summary>
    Median,
}

/// <summary>How the <c>-global</c> LiRA variants estimate their one σ per side (the per-example variants use np.std of each example's shadows).</summary>
public enum LiraGlobalSpread
{
    /// <summary>Each shadow score's deviation from its own example's (and query's) mean, pooled over all examples: σ_in and σ_out.</summary>
    PooledWithinExample,

    /// <summary>np.std of all IN (OUT) shadow scores about their grand mean, one σ per side (LeakPro's <c>fixed</c> variance).</summary>
    GrandMeanPerSide,

    /// <summary>
    /// np.std of all IN shadow scores about their grand mean, used for both sides online; offline, np.std of all OUT
    /// scores (the reference's <c>fix_variance=True</c>: <c>std_in = std_out = np.std(dat_in)</c>, offline <c>np.std(dat_out)</c>).
    /// </summary>
    GrandMeanInSideForBoth,
}

/// <summary>How offline LiRA turns the target's φ and the OUT Gaussian into a score (higher: more likely a member).</summary>
public enum LiraOfflineScore
{
    /// <summary>log Φ((φ − μ_out)/σ_out), one-sided (the LiRA paper, LeakPro).</summary>
    OneSidedLogCdf,

    /// <summary>−log N(φ; μ_out, σ_out), two-sided: far from OUT on either side reads as a member (the reference's <c>generate_ours_offline</c>).</summary>
    NegativeLogPdf,
}

/// <summary>Which of the other models a target's shadows are, per example, so IN and OUT targets see as many.</summary>
public enum LiraShadows
{
    /// <summary>All but the target and its <see cref="BalancedPartners">balanced partner</see>: M/2 − 1 per side.</summary>
    BalancedPartner,

    /// <summary>
    /// All but the target, then each side cut to the first k in model order, k the fewest that side has over all
    /// examples (the reference's <c>x[:in_size]</c>, <c>x[:out_size]</c>); on a balanced keep matrix also M/2 − 1 per side.
    /// </summary>
    TruncatedInModelOrder,
}

/// <summary>
/// An implementation's conventions for LiRA's estimators — the choices in which MiaRepro, the reference code
/// (tensorflow/privacy <c>research/mi_lira_2021/plot.py</c>) and LeakPro (<c>leakpro/attacks/mia_attacks/lira.py</c>)
/// differ. Every named LiRA attack is (online | offline) × (per-example | global σ) × a convention; the convention's
/// <see cref="Suffix"/> ends its name (<c>lira-online-global-reference</c>).
/// </summary>
public sealed record LiraConvention(
    string Name, string Suffix, LiraCentre Centre, LiraGlobalSpread GlobalSpread, LiraOfflineScore Offline, LiraShadows Shadows)
{
    /// <summary>MiaRepro's: means, σ pooled within examples, one-sided offline, balanced partners.</summary>
    public static LiraConvention MiaRepro { get; } =
        new("miarepro", string.Empty, LiraCentre.Mean, LiraGlobalSpread.PooledWithinExample, LiraOfflineScore.OneSidedLogCdf, LiraShadows.BalancedPartner);

    /// <summary>
    /// <c>mi_lira_2021</c>'s, formula for formula: medians, np.std about the grand mean of the IN shadows for both sides,
    /// −log pdf offline, shadows truncated in model order (with every other model as the target's shadows).
    /// </summary>
    public static LiraConvention Reference { get; } =
        new("reference", "-reference", LiraCentre.Median, LiraGlobalSpread.GrandMeanInSideForBoth, LiraOfflineScore.NegativeLogPdf, LiraShadows.TruncatedInModelOrder);

    /// <summary>
    /// LeakPro's: means, np.std about each side's grand mean, one-sided offline; leave-one-out balanced as MiaRepro's
    /// (LeakPro's shadows are separate models). Its per-example σ equals MiaRepro's, so only the global variants differ.
    /// </summary>
    public static LiraConvention LeakPro { get; } =
        new("leakpro", "-leakpro", LiraCentre.Mean, LiraGlobalSpread.GrandMeanPerSide, LiraOfflineScore.OneSidedLogCdf, LiraShadows.BalancedPartner);

    public static IReadOnlyList<LiraConvention> All { get; } = [MiaRepro, Reference, LeakPro];

    /// <summary>The attack's name: <c>lira-online</c>, <c>lira-offline-global-reference</c>, ….</summary>
    public string AttackName(bool online, LiraVariance variance) =>
        (online ? "lira-online" : "lira-offline") + (variance == LiraVariance.Global ? "-global" : string.Empty) + Suffix;
}
