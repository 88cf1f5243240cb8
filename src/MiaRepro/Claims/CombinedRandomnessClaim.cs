using MiaRepro.Attacks;
using MiaRepro.Metrics;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Registration;

namespace MiaRepro.Claims;

/// <summary>
/// C4: combining techniques adds training randomness, which weakens the attack — two tested parts, each the combined
/// recipe against the larger of the two techniques alone (so "adds" means beyond what either gives), measured by
/// <see cref="TrainingRandomness"/> from φ (mean over queries) of each recipe's population and twins:
/// <list type="bullet">
/// <item>"adds training randomness" (the headline effect): the seed-variance share — the share of φ's variance
/// between models of equal membership that the training seed alone makes, from twin models that share a keep row and
/// differ only in their seed — combined ÷ max(augmentation-only, early-stopping-only);</item>
/// <item>"which weakens the attack": the spread part of LiRA's per-example power loss. The power grows with Δ/σ =
/// (Δ/s)/(σ/s), so against a technique the change splits exactly into a separation part (Δ/s) and a spread part
/// (σ/s); the spread part weakens the attack against both techniques when (σ/s) combined ÷ max over the techniques
/// lies above 1. The separation part, (Δ/s) combined ÷ min over the techniques, is reported, not tested.</item>
/// </list>
/// Each part's 95% interval is a paired percentile bootstrap: population models, examples and twin pairs drawn with
/// replacement, the same draws for every recipe (they share the keep matrix). Supported when both tested intervals lie
/// above their registered thresholds, refuted when Holm's procedure across the two refutes one (<see cref="ClaimResult.CombineParts"/>). σ, Δ, s and the seed share of every recipe of
/// the run (baseline too, without a share: it has no twins) are reported.
/// </summary>
public sealed class CombinedRandomnessClaim : IClaim
{
    private readonly string _augmentation;
    private readonly string _earlyStopping;
    private readonly string _combined;
    private readonly double _threshold;
    private readonly double _spreadThreshold;

    /// <param name="registered">C4 as registered: its recipes are augmentation-only, early-stopping-only and combined, in that order.</param>
    public CombinedRandomnessClaim(RegisteredClaim registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        if (registered.Recipes.Count != 3)
        {
            throw new InvalidOperationException($"{Preregistration.RepositoryPath}: C4 registers {registered.Recipes.Count} recipes; it needs augmentation, early stopping and combined.");
        }

        (_augmentation, _earlyStopping, _combined) = (registered.Recipes[0], registered.Recipes[1], registered.Recipes[2]);
        (_threshold, _spreadThreshold, Statement) = (registered.Threshold, registered.Value("relative_spread"), registered.Statement);
    }

    public string Id => "C4";

    public string? Attack => null;

    public string Statement { get; }

    public IReadOnlyList<string> Recipes => [_augmentation, _earlyStopping, _combined];

    public ClaimResult Decide(ClaimEvidence evidence)
    {
        var techniques = $"max({_augmentation}, {_earlyStopping})";
        var measure = $"seed-variance share of φ (twin models), {_combined} ÷ {techniques}; and the spread part of the power loss, σ/s {_combined} ÷ {techniques}";
        if (Recipes.FirstOrDefault(r => !evidence.Populations.ContainsKey(r)) is { } absent)
        {
            return ClaimResult.Unmeasured(this, _threshold, measure, $"needs the recipe {absent} in the run");
        }

        if (Recipes.FirstOrDefault(r => evidence.Populations[r].Twins is null) is { } single)
        {
            return ClaimResult.Unmeasured(
                this, _threshold, measure, $"needs twin models of {single} (the scale's design trains them; a population read from a folder without twins has none)");
        }

        var reported = evidence.Populations.ContainsKey(RecipeCatalog.Baseline) ? [RecipeCatalog.Baseline, .. Recipes] : Recipes;
        var signals = reported.ToDictionary(r => r, r => Signals(evidence.Populations[r]));
        var population = evidence.Populations[_combined].Population;
        var (models, examples, keep) = (population.Models, population.Examples, population.Keep);
        var pairs = Recipes.Min(r => evidence.Populations[r].Twins!.Count);
        var twins = reported.ToDictionary(r => r, r => Take(signals[r].Twins, pairs, examples));
        var full = reported.ToDictionary(r => r, r => TrainingRandomness.Of(signals[r].Population, keep, twins[r], models, examples));

        var replicates = new (double Share, double Spread, double Separation)[evidence.BootstrapReplicates];
        Parallel.For(
            0,
            replicates.Length,
            () => (Models: new int[models], Examples: new int[examples], Pairs: new int[pairs]),
            (r, _, counts) =>
            {
                BootstrapDraw.DrawCounts((ulong)evidence.Seed, r, counts.Models, counts.Examples);
                TrainingRandomness.DrawPairs((ulong)evidence.Seed, r, counts.Pairs);
                replicates[r] = Effects(Recipes.ToDictionary(
                    n => n,
                    n => TrainingRandomness.Of(signals[n].Population, keep, twins[n], counts.Models, counts.Examples, counts.Pairs)));
                return counts;
            },
            _ => { });

        var effects = Effects(full);
        var share = Part("seed_share", $"seed-variance share {_combined} ÷ {techniques}", effects.Share, replicates.Select(r => r.Share), _threshold);
        var spread = Part("spread_part", $"σ/s {_combined} ÷ {techniques} (the spread part of the power loss)", effects.Spread, replicates.Select(r => r.Spread), _spreadThreshold);
        var separation = Part("separation_part", $"Δ/s {_combined} ÷ min({_augmentation}, {_earlyStopping}) (the separation part, reported)", effects.Separation, replicates.Select(r => r.Separation), null);
        if (share.Ci95 is null || spread.Ci95 is null)
        {
            return ClaimResult.Unmeasured(this, _threshold, measure, "the seed share or σ/s is undefined: too few IN and OUT models per example, or no seed variance");
        }

        var verdict = ClaimResult.CombineParts([share, spread]);
        var perRecipe = string.Join("; ", reported.Select(r => Describe(r, full[r])));
        var because =
            $"adds randomness: seed share ratio {ClaimResult.Number(effects.Share)} {ClaimResult.Because(share.Verdict!.Value, Ci(share), _threshold)}; " +
            $"weakens the attack: σ/s ratio {ClaimResult.Number(effects.Spread)} {ClaimResult.Because(spread.Verdict!.Value, Ci(spread), _spreadThreshold)}; " +
            $"Δ/s ratio {ClaimResult.Number(effects.Separation)}" + (separation.Ci95 is null ? string.Empty : $" {ClaimResult.Format(Ci(separation))}") +
            $"; {pairs} twin pairs per recipe; {perRecipe}";
        return new ClaimResult(Id, Statement, verdict, effects.Share, share.Ci95, _threshold, measure, because)
        {
            Parts = [share, spread, separation],
        };
    }

    /// <summary>The three ratios of the combined recipe against the techniques, from one set of per-recipe numbers.</summary>
    private (double Share, double Spread, double Separation) Effects(Dictionary<string, TrainingRandomness> of)
    {
        var (a, e, c) = (of[_augmentation], of[_earlyStopping], of[_combined]);
        return (
            PairedBootstrap.Ratio(c.SeedShare, Math.Max(a.SeedShare, e.SeedShare)),
            PairedBootstrap.Ratio(c.RelativeSpread, Math.Max(a.RelativeSpread, e.RelativeSpread)),
            PairedBootstrap.Ratio(c.RelativeSeparation, Math.Min(a.RelativeSeparation, e.RelativeSeparation)));
    }

    private static ClaimPart Part(string name, string measure, double effect, IEnumerable<double> replicates, double? threshold)
    {
        var defined = replicates.Where(v => !double.IsNaN(v)).ToArray();
        if (double.IsNaN(effect) || defined.Length == 0)
        {
            return new ClaimPart(name, measure, null, null, threshold, threshold is null ? null : Verdict.Inconclusive);
        }

        var ci = Interval.Percentile(defined);
        Verdict? verdict = threshold is { } t ? ClaimResult.Decide(ci.Lower, ci.Upper, t) : null;
        return new ClaimPart(name, measure, effect, [ci.Lower, ci.Upper], threshold, verdict);
    }

    private static Interval Ci(ClaimPart part) => new(part.Ci95![0], part.Ci95[1]);

    private static string Describe(string recipe, TrainingRandomness r) =>
        $"{recipe} σ {ClaimResult.Number(r.Spread)}, Δ {ClaimResult.Number(r.Separation)}, s {ClaimResult.Number(r.Scale)}, " +
        $"σ/s {ClaimResult.Number(r.RelativeSpread)}, Δ/s {ClaimResult.Number(r.RelativeSeparation)}" +
        (double.IsNaN(r.SeedShare) ? string.Empty : $", seed share {ClaimResult.Number(r.SeedShare)}");

    /// <summary>φ (mean over queries) of the population, [models, examples], and of its twins, [twins, examples] (empty without twins).</summary>
    private static (double[] Population, double[] Twins) Signals(TrainedPopulation trained)
    {
        var population = trained.Population;
        var values = CellSignals.MeanOverQueries(population, v => v);
        if (trained.Twins is not { } twins)
        {
            return (values, []);
        }

        var cells = twins.Count * population.Examples;
        var view = new Population(population.Name, twins.Count, population.Examples, population.Queries, population.Keep[..cells], twins.Scores, population.Labels);
        return (values, CellSignals.MeanOverQueries(view, v => v));
    }

    /// <summary>The first <paramref name="pairs"/> twins of <paramref name="twins"/> ([twins, examples]).</summary>
    private static double[] Take(double[] twins, int pairs, int examples) =>
        twins.Length == 0 ? twins : twins[..(pairs * examples)];
}
