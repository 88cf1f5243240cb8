using System.Globalization;

namespace MiaRepro.Runs.Sharding;

/// <summary>
/// One of <see cref="Count"/> disjoint shares of a run's models, <c>--shard i/n</c> with <see cref="Index"/>
/// numbered from 1 (<c>1/4</c> … <c>4/4</c>, as a CI matrix counts). Share i holds the models at the positions p of
/// the run's global order (<see cref="ShardPlan.All"/>) with p mod n = i − 1.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    private const string Usage = "write --shard i/n with whole numbers, 1 ≤ i ≤ n (e.g. --shard 1/4 … --shard 4/4)";

    /// <summary>Whether this share holds the model at position <paramref name="position"/> of the run's global order.</summary>
    public bool Holds(int position) => position % Count == Index - 1;

    /// <summary>Parses <c>--shard i/n</c>.</summary>
    /// <exception cref="InputException">Missing, malformed, n &lt; 1, or i outside 1…n; the message says the fix.</exception>
    public static Shard Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException($"--shard is required: {Usage}.");
        }

        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new InputException($"--shard '{text}' is not i/n: {Usage}.");
        }

        if (count < 1)
        {
            throw new InputException($"--shard {text}: n = {count}, but a run splits into at least 1 shard; {Usage}.");
        }

        if (index < 1 || index > count)
        {
            throw new InputException(
                $"--shard {text}: i = {index} is outside 1…{count}; shards are numbered from 1, so use --shard 1/{count} … --shard {count}/{count}.");
        }

        return new Shard(index, count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
