using MiaRepro.Claims;
using MiaRepro.Metrics;
using static System.FormattableString;

namespace MiaRepro.Reports.Text;

/// <summary>How every report, table and plot writes a TPR, an FPR and a reduction factor: one place, so they agree.</summary>
public static class NumberText
{
    /// <summary>A TPR as a percentage with two decimals: "1.20%"; "—" when there is none.</summary>
    public static string FormatTpr(double? tpr) => tpr is null ? "—" : Invariant($"{tpr:0.00%}");

    /// <summary>A TPR interval as "[1.20%, 3.45%]"; "—" when there is none.</summary>
    public static string FormatTprInterval(Interval? interval) =>
        interval is null ? "—" : Invariant($"[{interval.Lower:0.00%}, {interval.Upper:0.00%}]");

    /// <summary>An FPR as a percentage: 0.001 → "0.1%", 0.00001 → "0.001%".</summary>
    public static string FormatPercent(double fpr) => Invariant($"{fpr:0.#####%}");

    /// <summary>A claim's (or claim part's) effect: "9.16"; "—" when it cannot be measured.</summary>
    public static string FormatEffect(double? effect) => effect is null ? "—" : Invariant($"{effect:0.##}");

    /// <summary>A claim's (or claim part's) 95% interval [lower, upper] as "[3.1, 27.7]"; "—" when it cannot be measured.</summary>
    public static string FormatEffectInterval(double[]? ci95) => ci95 is null ? "—" : Invariant($"[{ci95[0]:0.##}, {ci95[1]:0.##}]");

    /// <summary>A claim's verdict as the tables write it: "supported", "refuted", "inconclusive".</summary>
    public static string FormatVerdict(Claims.Verdict verdict) => verdict.Text();

    /// <summary>A claim in one cell: "effect [95% CI] verdict" (no interval when it has none).</summary>
    public static string FormatClaimCell(Claims.ClaimResult claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return FormatEffect(claim.Effect) + (claim.Ci95 is null ? string.Empty : " " + FormatEffectInterval(claim.Ci95)) + " " + FormatVerdict(claim.Verdict);
    }

    /// <summary>A reduction factor: "9.16"; "∞" when the recipe's TPR is 0 (JSON writes null).</summary>
    public static string FormatFactor(double factor) =>
        double.IsPositiveInfinity(factor) ? "∞" : double.IsNegativeInfinity(factor) ? "−∞" : double.IsNaN(factor) ? "undefined (0/0)" : Invariant($"{factor:0.##}");
}
