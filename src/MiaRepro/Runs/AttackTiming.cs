namespace MiaRepro.Runs;

/// <summary>One attack's measured cost; null numbers with a reason when the attack could not run.</summary>
/// <param name="ScoringSeconds">Scoring every target (leave-one-out), the attack's own work.</param>
/// <param name="MetricsSeconds">The pooled ROC of all targets' scores and every target's own ROC.</param>
/// <param name="Seconds">Scoring and metrics together.</param>
/// <param name="CpuSeconds">Processor time of the whole process over both (all threads): on a busy machine, what wall-clock seconds hide.</param>
/// <param name="BytesPerSecond">The attack's input (φ, or the logits for the attacks that need them) per second of scoring.</param>
public sealed record AttackTiming(
    string Attack,
    double? ScoringSeconds,
    double? MetricsSeconds,
    double? Seconds,
    double? CpuSeconds,
    double? BytesPerSecond,
    double? Auc,
    string? NotRun);
