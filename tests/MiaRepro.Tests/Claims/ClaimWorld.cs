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

    /// <summary>
    /// Adds a recipe whose models differ by their training data and their seed: φ = difficulty + shift·[IN] +
    /// d(m, x) + e, with d ~ N(0, <paramref name="dataNoise"/>²) fixed by model m's keep row and e ~ N(0,
    /// <paramref name="seedNoise"/>²) drawn afresh for every training. Twin t shares model t's d, so its seed-variance
    /// share is seedNoise² ÷ (seedNoise² + dataNoise²). Difficulty spreads by <paramref name="difficulty"/> (the scale s).
    /// </summary>
    public ClaimWorld RandomRecipe(string name, double shift, double dataNoise, double seedNoise, int twins = 4, double difficulty = 3.0, int seed = 17)
    {
        var random = new Random(seed);
        var keep = SyntheticPopulation.BalancedKeep(Models, Examples, random);
        var level = Enumerable.Range(0, Examples).Select(_ => difficulty * SyntheticPopulation.Normal(random)).ToArray();
        var data = Enumerable.Range(0, Models * Examples).Select(_ => dataNoise * SyntheticPopulation.Normal(random)).ToArray();
        var training = new Random(seed + 1000);
        double Phi(int m, int n) => level[n] + (keep[(m * Examples) + n] ? shift : 0) + data[(m * Examples) + n] + (seedNoise * SyntheticPopulation.Normal(training));
        var scores = new double[Models * Examples];
        var twinScores = new double[twins * Examples];
        for (var m = 0; m < Models; m++)
        {
            for (var n = 0; n < Examples; n++)
            {
                scores[(m * Examples) + n] = Phi(m, n);
                if (m < twins)
                {
                    twinScores[(m * Examples) + n] = Phi(m, n);
                }
            }
        }

        var population = SyntheticPopulation.Of(Models, Examples, 1, keep, scores) with { Name = name };
        var records = Enumerable.Range(0, Models).Select(m => new ModelRecord(m, m, 1.0, 0.8, 10, 10, null, Examples / 2, 0)).ToList();
        _populations[name] = new TrainedPopulation(RecipeCatalog.Create(name, ScaleProfile.Smoke), population, records)
        {
            Twins = twins == 0 ? null : new TwinModels(twins, twinScores, records[..twins]),
        };
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

    public ClaimEvidence Evidence(int replicates = 200) => new(_populations, _attacks, replicates, seed: 3);

    public ClaimResult Decide(IClaim claim) => claim.Decide(Evidence());
}
