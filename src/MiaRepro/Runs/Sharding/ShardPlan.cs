using MiaRepro.Populations;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// Which models each shard of a sweep trains. The run's global order lists the recipes as given and, within each,
/// models 0, 1, … and then its twins 0, 1, … (claim C4, <see cref="Recipes.ScaleProfile.TwinsOf"/>); shard i/n takes every n-th model of it, from position i − 1 (round robin). So the shares are
/// disjoint and cover the run, depend on the recipes and the model count alone, hold ⌊T/n⌋ or ⌈T/n⌉ of the T
/// models, and — since a recipe's models are consecutive — ⌊K/n⌋ or ⌈K/n⌉ of each recipe's K: every shard gets
/// the same mix of cheap (early-stopped) and expensive recipes.
/// </summary>
public static class ShardPlan
{
    /// <summary>Every model of the run, in the global order.</summary>
    /// <param name="twinsOf">How many twins each recipe gets; none when null.</param>
    public static IReadOnlyList<ModelSlot> All(IReadOnlyList<string> recipes, int models, Func<string, int>? twinsOf = null) =>
        [.. recipes.SelectMany(r => ModelSlot.Of(r, models, twinsOf?.Invoke(r) ?? 0))];

    /// <summary>The problem of splitting the run into <paramref name="shard"/>'s count of shards: more shards than models (some shard would train nothing), or null.</summary>
    public static SettingProblem? Problem(Shard shard, IReadOnlyList<string> recipes, int models, Func<string, int>? twinsOf = null)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var all = All(recipes, models, twinsOf).Count;
        return shard.Count > all
            ? new SettingProblem(
                Setting.Shard, shard.ToString(),
                $"{shard.Count} shards for {all} models ({recipes.Count} recipes × {models}, with twins); " +
                $"a shard would train nothing. Use at most {all} shards.")
            : null;
    }

    /// <summary>The models of <paramref name="shard"/>, in the global order.</summary>
    /// <exception cref="ArgumentException">More shards than models (<see cref="Problem"/>): the caller's bug.</exception>
    public static IReadOnlyList<ModelSlot> Of(Shard shard, IReadOnlyList<string> recipes, int models, Func<string, int>? twinsOf = null)
    {
        if (Problem(shard, recipes, models, twinsOf) is { } problem)
        {
            throw new ArgumentException(problem.ToString(), nameof(shard));
        }

        return [.. All(recipes, models, twinsOf).Where((_, position) => shard.Holds(position))];
    }
}
