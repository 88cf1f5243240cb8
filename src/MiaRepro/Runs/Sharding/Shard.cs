using System.Globalization;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// One of <see cref="Count"/> disjoint shares of a run's models, <c>i/n</c> with <see cref="Index"/>
/// numbered from 1 (<c>1/4</c> … <c>4/4</c>, as a CI matrix counts). Share i holds the models at the positions p of
/// the run's global order (<see cref="ShardPlan.All"/>) with p mod n = i − 1.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a run is split into (a shard.json claiming more is refused before anything is counted).</summary>
    public const int MaxCount = 1024;

    private const string Usage = "write i/n with whole numbers, 1 ≤ i ≤ n (e.g. 1/4 … 4/4)";

    /// <summary>Whether this share holds the model at position <paramref name="position"/> of the run's global order.</summary>
    public bool Holds(int position) => position % Count == Index - 1;

    /// <summary>Parses <c>i/n</c>: the shard, or the problem with <paramref name="text"/> (missing, malformed, n &lt; 1, or i outside 1…n) and its fix.</summary>
    public static (Shard? Shard, SettingProblem? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new SettingProblem(Setting.Shard, null, $"is required: {Usage}."));
        }

        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return (null, new SettingProblem(Setting.Shard, $"'{text}'", $"is not i/n: {Usage}."));
        }

        if (count > MaxCount)
        {
            return (null, new SettingProblem(Setting.Shard, text, string.Create(CultureInfo.InvariantCulture, $"n = {count}, more shards than MiaRepro splits a run into ({MaxCount}); {Usage}.")));
        }

        if (count < 1)
        {
            return (null, new SettingProblem(Setting.Shard, text, $"n = {count}, but a run splits into at least 1 shard; {Usage}."));
        }

        if (index < 1 || index > count)
        {
            return (null, new SettingProblem(
                Setting.Shard, text, $"i = {index} is outside 1…{count}; shards are numbered from 1, so use 1/{count} … {count}/{count}."));
        }

        return (new Shard(index, count), null);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
