namespace MiaRepro.Metrics;

/// <summary>The false-positive rates MiaRepro reads an attack's TPR at: one place for every claim, table, plot and file.</summary>
public static class OperatingPoints
{
    /// <summary>The paper's headline operating point, 0.1% FPR: what the claims compare.</summary>
    public const double Headline = 0.001;

    /// <summary>1% FPR, reported beside the headline.</summary>
    public const double OnePercent = 0.01;

    /// <summary>10% FPR: the lowest rate a single smoke target's own non-members can measure.</summary>
    public const double TenPercent = 0.1;

    /// <summary>Every rate results.json reports TPR at: 10%, 1%, 0.1%, 0.01%, 0.001%.</summary>
    public static IReadOnlyList<double> Standard { get; } = [TenPercent, OnePercent, Headline, 0.0001, 0.00001];
}
