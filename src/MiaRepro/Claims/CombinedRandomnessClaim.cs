using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// C4: combining techniques adds training randomness, which weakens the attack. "Training randomness" is measured
/// by <see cref="SignalSpread"/>: the randomness-to-signal ratio ρ = mean over examples of the spread of φ (mean over
/// queries) across models of equal membership, divided by the mean IN−OUT separation of φ. The effect is
/// ρ(combined) ÷ max(ρ(augmentation alone), ρ(early stopping alone)) — combining adds randomness beyond what either
/// technique gives alone — with a paired bootstrap interval (models and examples drawn with replacement, the same
/// draws for every recipe, which share the keep matrix). Pre-registered threshold: the interval lies wholly above 1.
/// The baseline's ρ is reported alongside.
/// </summary>
public sealed class CombinedRandomnessClaim(RegisteredClaim registered) : IClaim
{
    private readonly string _augmentation = registered.Recipes[0];
    private readonly string _earlyStopping = registered.Recipes[1];
    private readonly string _combined = registered.Recipes[2];
    private readonly double _threshold = registered.Threshold;

    public string Id => "C4";

    public string? Attack => null;

    public string Statement => registered.Statement;

    public IReadOnlyList<string> Recipes => [_augmentation, _earlyStopping, _combined];

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var measure = $"randomness-to-signal ratio ρ (spread of φ between models of equal membership ÷ IN−OUT separation): " +
            $"{_combined} ÷ max({_augmentation}, {_earlyStopping})";
        if (Recipes.FirstOrDefault(r => !evidence.Populations.ContainsKey(r)) is { } absent)
        {
            return ClaimResult.Unmeasured(this, _threshold, measure, $"needs the recipe {absent} in the run");
        }

        var reported = evidence.Populations.ContainsKey("baseline") ? ["baseline", .. Recipes] : Recipes;
        var signals = reported.ToDictionary(r => r, r => CellSignals.MeanOverQueries(evidence.Populations[r].Population, v => v));
        var population = evidence.Populations[_combined].Population;
        var (models, examples, keep) = (population.Models, population.Examples, population.Keep);
        var full = reported.ToDictionary(r => r, r => SignalSpread.Ratio(signals[r], keep, models, examples));
        var effect = Effect(full);

        var replicates = new double[evidence.BootstrapReplicates];
        Parallel.For(
            0,
            replicates.Length,
            () => (Models: new int[models], Examples: new int[examples]),
            (r, _, counts) =>
            {
                BootstrapDraw.DrawCounts((ulong)evidence.Seed, r, counts.Models, counts.Examples);
                replicates[r] = Effect(Recipes.ToDictionary(n => n, n => SignalSpread.Ratio(signals[n], keep, counts.Models, counts.Examples)));
                return counts;
            },
            _ => { });
        var defined = replicates.Where(v => !double.IsNaN(v)).ToArray();
        if (double.IsNaN(effect) || defined.Length == 0)
        {
            return ClaimResult.Unmeasured(this, _threshold, measure, "ρ is undefined: no example has both IN and OUT models");
        }

        var detail = "ρ " + string.Join(", ", reported.Select(r => $"{r} {ClaimResult.Number(full[r])}"));
        return ClaimResult.FromInterval(this, effect, Interval.Percentile(defined), _threshold, measure, detail);
    }

    private double Effect(Dictionary<string, double> rho) =>
        PairedBootstrap.Ratio(rho[_combined], Math.Max(rho[_augmentation], rho[_earlyStopping]));
}
