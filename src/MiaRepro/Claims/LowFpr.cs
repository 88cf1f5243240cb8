using System.Globalization;
using MiaRepro.Metrics;

namespace MiaRepro.Claims;

/// <summary>The paper's headline operating point, TPR at 0.1% FPR, as the claims read it.</summary>
public static class LowFpr
{
    public const double Fpr = OperatingPoints.Headline;

    public const string Text = "0.1%";

    /// <summary>TPR at 0.1% FPR, or null when the non-members are too few to measure it.</summary>
    public static double? Tpr(AttackMetrics metrics) => metrics.TprAtFpr.First(t => t.Fpr == Fpr).Tpr;

    /// <summary>Why TPR at 0.1% FPR cannot be measured on <paramref name="metrics"/>, or null when it can.</summary>
    public static string? Unmeasurable(AttackMetrics metrics) =>
        Tpr(metrics) is null
            ? $"TPR at {Text} FPR cannot be measured: {metrics.TprAtFpr.First(t => t.Fpr == Fpr).Reason}"
            : null;

    /// <summary>A rate as a percentage with two decimals, e.g. 3.26%.</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
