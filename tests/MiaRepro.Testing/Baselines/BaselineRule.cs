namespace MiaRepro.Testing.Baselines;

/// <summary>
/// How a folder's baselines are compared: texts (a verdict) exactly or not at all, and each number with its own
/// tolerance — or none, when no tolerance is known for it (then it is a difference that says so).
/// </summary>
/// <param name="Name">How the rule is described in a difference (e.g. "exact", "4 × seed SD").</param>
/// <param name="CompareTexts">Whether texts must be equal: yes where numbers repeat exactly; a verdict may differ where they do not.</param>
/// <param name="ToleranceOf">The tolerance of number <c>key</c> of baseline <c>name</c>, or null when none was measured.</param>
public sealed record BaselineRule(string Name, bool CompareTexts, Func<string, string, Tolerance?> ToleranceOf)
{
    /// <summary>Every text and number exactly: for computations that repeat bit for bit.</summary>
    public static BaselineRule Exact { get; } = new("exact", true, (_, _) => Tolerance.Exact);

    /// <summary>Texts exactly, numbers within <paramref name="absolute"/> (rounding of a stored value, never a CPU's noise).</summary>
    public static BaselineRule Within(double absolute) => new($"±{absolute:G3}", true, (_, _) => new Tolerance(absolute));

    /// <summary>
    /// Numbers within the spread measured across independent trainings (<see cref="BaselineSpread.ToleranceOf"/>);
    /// texts are not compared (at other seeds, and so on other hardware, a verdict at the edge of its threshold moves).
    /// </summary>
    public static BaselineRule Measured(BaselineSpread spread) =>
        new(spread.Describe(), false, spread.ToleranceOf);
}
