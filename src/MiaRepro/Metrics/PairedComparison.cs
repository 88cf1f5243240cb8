namespace MiaRepro.Metrics;

/// <summary>
/// A metric of recipe A against recipe B on the same examples and keep matrix: the effect on the full data
/// and its 95% paired-bootstrap intervals (<see cref="CrossedInterval"/>).
/// </summary>
/// <param name="A">The metric of A on the full data.</param>
/// <param name="B">The metric of B on the full data.</param>
/// <param name="Ratio">A/B on the full data; +∞ when B = 0 &lt; A, NaN when both are 0.</param>
/// <param name="Replicates">Bootstrap replicates drawn.</param>
/// <param name="Undefined">Replicates dropped from both intervals because the metric was undefined (null) for A or B.</param>
/// <param name="Excluded">Further replicates dropped from the ratio interval only, because A = B = 0 (0/0).</param>
public sealed record PairedComparison(
    double A,
    double B,
    double Ratio,
    Interval RatioCi95,
    double Difference,
    Interval DifferenceCi95,
    int Replicates,
    int Undefined,
    int Excluded);
