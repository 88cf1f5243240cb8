using MiaRepro.Audits;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Results;
using static System.FormattableString;

namespace MiaRepro.Runs;

/// <summary>
/// <c>miarepro audit</c>: the baseline and the audited recipes trained and attacked as a reproduction, then the audit's
/// analysis (<see cref="AuditAnalysis"/>) — does the recipe lower membership leakage, at what accuracy cost, what ε
/// the attack shows, and which examples leak.
/// </summary>
public static class Audit
{
    /// <summary>Every problem of an audit of <paramref name="settings"/>' recipes at δ = <paramref name="delta"/>, beyond the run's own.</summary>
    public static IReadOnlyList<SettingProblem> Problems(RunSettings settings, double delta)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingProblem>();
        if (!settings.Recipes.Contains(RecipeCatalog.Baseline) || settings.Recipes.Count < 2)
        {
            problems.Add(new SettingProblem(
                Setting.Recipes, string.Join(",", settings.Recipes),
                "an audit compares recipes with the baseline: name the recipe to audit (a recipe file's, or a built-in) beside it."));
        }

        if (!(delta > 0 && delta < 1))
        {
            problems.Add(new SettingProblem(Setting.Delta, Invariant($"{delta}"), "δ lies strictly between 0 and 1 (e.g. 1e-5, below 1/n)."));
        }

        return problems;
    }

    /// <exception cref="ArgumentException">The settings have problems (<see cref="Problems"/> or the run's own).</exception>
    public static AuditResult Run(RunSettings settings, double delta, IProgress<PopulationProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Problems(settings, delta) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        var result = Reproduction.Run(settings, progress, keepExamples: true);
        return new AuditResult(result, AuditAnalysis.Analyse(result, delta));
    }
}
