namespace MiaRepro.Reports.Plots;

/// <summary>
/// The paper's central figure: one point per model as target, its generalization gap (x, linear) against the
/// attack's TPR at <paramref name="Fpr"/> on that target alone (y, log). A TPR of 0 cannot sit on a log axis: such
/// targets are drawn at <paramref name="ZeroFloor"/>, on a dashed line, with open markers.
/// </summary>
/// <param name="Attack">The attack whose per-target TPR is drawn.</param>
/// <param name="Fpr">The FPR at which each target's TPR is read.</param>
/// <param name="ZeroFloor">Where a TPR of 0 is drawn: half the smallest nonzero TPR a target can have.</param>
public sealed record GapFigure(
    string FileName, string Title, string Caption, string Attack, double Fpr, double ZeroFloor, IReadOnlyList<GapSeries> Series)
    : Figure(FileName, Title, Caption);
