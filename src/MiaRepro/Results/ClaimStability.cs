using MiaRepro.Claims;

namespace MiaRepro.Results;

/// <summary>One claim's verdicts over the master seeds of a stability run.</summary>
/// <param name="BySeed">The claim's result at each seed, in the run's seed order (a seed whose run could not decide it is absent).</param>
/// <param name="Verdict">The most frequent verdict (ties: inconclusive, then refuted, then supported — the least favourable).</param>
/// <param name="Differing">Seeds whose verdict is not <see cref="Verdict"/>.</param>
public sealed record ClaimStability(string Id, IReadOnlyList<(long Seed, ClaimResult Result)> BySeed, Verdict Verdict, int Differing)
{
    /// <summary>Every seed gave the same verdict.</summary>
    public bool Stable => Differing == 0;

    public static ClaimStability Of(string id, IReadOnlyList<(long Seed, ClaimResult Result)> bySeed)
    {
        var counts = bySeed.GroupBy(s => s.Result.Verdict).ToDictionary(g => g.Key, g => g.Count());
        var modal = new[] { Verdict.Inconclusive, Verdict.Refuted, Verdict.Supported }
            .OrderByDescending(v => counts.GetValueOrDefault(v))
            .First();
        return new ClaimStability(id, bySeed, modal, bySeed.Count - counts.GetValueOrDefault(modal));
    }
}
