namespace MiaRepro.Attacks;

/// <summary>How LiRA estimates the spread of the shadow distributions.</summary>
public enum LiraVariance
{
    /// <summary>σ_in and σ_out per example and query, over that example's IN / OUT shadows.</summary>
    PerExample,

    /// <summary>One σ_in and one σ_out per target, pooled over all examples and queries (the <c>-global</c> variants).</summary>
    Global,
}
