using MiaRepro.Attacks;
using MiaRepro.Claims;
using MiaRepro.Populations;
using MiaRepro.Recipes;
using MiaRepro.Tests.Attacks;

namespace MiaRepro.Tests.Claims;

/// <summary>
/// Synthetic runs with a known answer for the claims: every recipe is a Gaussian population on the same keep matrix
/// (same seed), φ = difficulty + shift·[IN] + N(0, noise²); each model's train and test accuracy are given.
/// </summary>
internal sealed class ClaimWorld
{
    public const string Attack = "lira-online-global";

    public const int Models = 16;

    public const int Examples = 2000;

    private readonly Dictionary<string, TrainedPopulation> _populations = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, AttackOutcome>> _attacks = [];

    /// <summary>Adds a recipe whose IN models' φ is raised by <paramref name="shift"/>, with noise <paramref name="noise"/> between models.</summary>
    public ClaimWorld Recipe(string name, double shift, double noise = 1.0, Func<int, (double Train, double Test)>? accuracy = null)
    {
        var population = SyntheticPopulation.Gaussian(Models, Examples, queries: 1, shift, seed: 17, noise: noise) with { Name = name };
        accuracy ??= _ => (1.0, 0.8);
        var models = Enumerable.Range(0, Models)
            .Select(m => new ModelRecord(m, m, accuracy(m).Train, accuracy(m).Test, 10, 10, null, Examples / 2, 0))
            .ToList();
        _populations[name] = new TrainedPopulation(RecipeCatalog.Create(name, ScaleProfile.Smoke), population, models);
        _attacks[name] = new[] { Attack, "loss" }.ToDictionary(a => a, a => AttackEvaluation.Run(AttackCatalog.Get(a), population));
        return this;
    }

    /// <summary>Replaces one attack's scores on one recipe by their negation: a sign error in that attack.</summary>
    public ClaimWorld FlipSign(string recipe, string attack)
    {
        var outcome = _attacks[recipe][attack];
        var flipped = AttackEvaluation.Measure(attack, new AttackScores(Models, Examples, [.. outcome.Scores.Select(s => -s)]), _populations[recipe].Population);
        _attacks[recipe] = new Dictionary<string, AttackOutcome>(_attacks[recipe]) { [attack] = flipped };
        return this;
    }

    public ClaimEvidence Evidence(int replicates = 200) => new(_populations, _attacks, replicates, Seed: 3);

    public ClaimResult Decide(IClaim claim) => claim.Decide(Evidence());
}
