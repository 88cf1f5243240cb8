using MiaRepro.Metrics;
using MiaRepro.Recipes;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// C0: LiRA beats the LOSS attack at low FPR (the LiRA paper's Table I) — measured on the baseline recipe as the
/// ratio of LiRA's TPR at 0.1% FPR to LOSS's, both attacks scoring the same targets and examples, with a paired
/// bootstrap interval. Pre-registered threshold: the ratio's interval lies wholly above 1.
/// </summary>
public sealed class LiraBeatsLossClaim(string attack, RegisteredClaim registered) : IClaim
{
    private readonly double _threshold = registered.Threshold;

    public const string Recipe = RecipeCatalog.Baseline;

    public string Id => "C0";

    public string? Attack => attack;

    public string Statement => registered.Statement;

    public IReadOnlyList<string> Recipes => [Recipe];

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measure = $"{attack} ÷ loss, TPR at {LowFpr.Text} FPR, {Recipe} recipe";
        var lira = evidence.Outcome(Recipe, attack, out var missing);
        var loss = evidence.Outcome(Recipe, "loss", out var missingLoss);
        if (lira is null || loss is null)
        {
            return ClaimResult.Unmeasured(this, _threshold, measure, lira is null ? missing : missingLoss);
        }

        if (LowFpr.Unmeasurable(lira.Pooled) is { } why)
        {
            return ClaimResult.Unmeasured(this, _threshold, measure, why);
        }

        var comparison = evidence.CompareTpr(lira, loss, evidence.Populations[Recipe].Population);
        var detail = $"{attack} {LowFpr.Percent(comparison.A)} vs loss {LowFpr.Percent(comparison.B)}";
        return ClaimResult.FromInterval(this, comparison.Ratio, comparison.RatioCi95, _threshold, measure, detail) with { Sides = (comparison.A, comparison.B) };
    }
}
