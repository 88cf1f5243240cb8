namespace MiaRepro.Runs;

/// <summary>One attack's measured cost; null numbers with a reason when the attack could not run.</summary>
public sealed record AttackTiming(string Attack, double? Seconds, double? BytesPerSecond, double? Auc, string? NotRun);
