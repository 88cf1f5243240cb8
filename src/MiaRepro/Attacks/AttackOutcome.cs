using MiaRepro.Metrics;

namespace MiaRepro.Attacks;

/// <summary>
/// One attack on one population: the scores [Models, Examples] in C order, the metrics of all targets' scores
/// pooled into one ROC (truth = the keep matrix), and the metrics of each target alone; with
/// <see cref="AttackSuite.WithIntervals"/>, the 95% bootstrap intervals of the pooled AUC and TPRs.
/// </summary>
public sealed record AttackOutcome(
    string Attack, double[] Scores, AttackMetrics Pooled, IReadOnlyList<AttackMetrics> PerTarget, MetricIntervals? Ci95 = null);
