using MiaRepro.Claims;
using MiaRepro.Metrics;

namespace MiaRepro.Audits;

/// <summary>What an audit concluded (<see cref="AuditAnalysis"/>), whole before anything is written.</summary>
/// <param name="Attack">The LiRA variant every number is read from (the scale's).</param>
/// <param name="Fpr">The operating point of the verdict: 0.1%.</param>
/// <param name="Delta">The δ of the empirical ε.</param>
/// <param name="Findings">One per audited recipe, in the run's order.</param>
/// <param name="Recipes">The baseline and every audited recipe.</param>
/// <param name="Leaking">Per recipe, its most vulnerable training examples.</param>
public sealed record AuditSummary(
    string Attack,
    double Fpr,
    double Delta,
    IReadOnlyList<AuditFinding> Findings,
    IReadOnlyList<AuditRecipe> Recipes,
    IReadOnlyDictionary<string, IReadOnlyList<LeakingExample>> Leaking);

/// <summary>
/// One audited recipe against the baseline: the reduction factor (baseline TPR ÷ recipe TPR, paired interval; null with
/// <paramref name="Unmeasured"/> saying why), the verdict (supported: it lowers the attack's success; refuted: it raises
/// it; inconclusive: the interval holds 1) and the test-accuracy cost.
/// </summary>
public sealed record AuditFinding(string Recipe, PairedComparison? Reduction, string? Unmeasured, Verdict Verdict, AccuracyCost Cost);

/// <summary>Baseline test accuracy − the recipe's, means over models, with a 95% bootstrap interval over models.</summary>
public sealed record AccuracyCost(double Baseline, double Recipe, double Cost, Interval Ci95, int Replicates);

/// <summary>A recipe's empirical ε (null with <paramref name="Unmeasured"/> saying why) and its TPR per class.</summary>
public sealed record AuditRecipe(string Recipe, double TestAccuracy, EpsilonBound? Epsilon, string? Unmeasured, IReadOnlyList<ClassTpr> PerClass);

/// <summary>The attack's TPR on one class's examples: members and non-members are its (target, example) cells.</summary>
public sealed record ClassTpr(int Class, int Examples, int MemberScores, int NonMemberScores, IReadOnlyList<TprAtFpr> Tpr);

/// <summary>
/// A training example that leaks: its index in the population, label, mean LiRA score over the targets that trained
/// on it, and the same mean under every recipe of the run (by name; NaN where that recipe has no score).
/// </summary>
public sealed record LeakingExample(int Example, long Label, double Score, IReadOnlyDictionary<string, double> ScoreByRecipe);
