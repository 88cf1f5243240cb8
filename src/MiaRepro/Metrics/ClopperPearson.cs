using MiaRepro.Numerics;

namespace MiaRepro.Metrics;

/// <summary>
/// The Clopper–Pearson ("exact") interval of a binomial proportion: k successes of n trials, each bound the
/// proportion at which seeing k (or fewer, or more) has probability (1 − confidence)/2 — the beta quantiles
/// B((1 − c)/2; k, n − k + 1) and B((1 + c)/2; k + 1, n − k), with 0 and 1 at k = 0 and k = n.
/// </summary>
public static class ClopperPearson
{
    public static Interval Of(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence lies strictly between 0 and 1.");
        }

        var tail = (1 - confidence) / 2;
        var lower = successes == 0 ? 0 : IncompleteBeta.Inverse(tail, successes, trials - successes + 1);
        var upper = successes == trials ? 1 : IncompleteBeta.Inverse(1 - tail, successes + 1, trials - successes);
        return new Interval(lower, upper);
    }
}
