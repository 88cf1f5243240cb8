using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MiaRepro.Populations;

namespace MiaRepro.Attacks;

/// <summary>
/// Balanced leave-one-out, shared by every attack that calibrates a target against the other models (LiRA, RMIA,
/// calibrated loss). Leaving out the target alone gives an IN target one reference fewer on its own side than an OUT
/// target (on a balanced keep matrix, of an example's IN models M/2 − 1 against M/2), and a statistic from fewer
/// references spreads more or rounds otherwise, so the score would move with membership through the counts alone —
/// an attack "detects" membership in a population with no signal. So each target also leaves out, per example, its
/// <b>partner</b>: the first model after it, cyclically, whose membership of the example differs from the target's
/// (a function of the keep matrix only). Every target then sees M/2 − 1 IN and M/2 − 1 OUT references of every example.
/// </summary>
internal static class BalancedPartners
{
    /// <summary>The partner of <paramref name="target"/> for one example.</summary>
    public static int Of(Population population, int target, int example)
    {
        var (models, examples) = (population.Models, population.Examples);
        var keep = population.Keep;
        var member = keep[(target * examples) + example];
        for (var candidate = Next(target, models); candidate != target; candidate = Next(candidate, models))
        {
            if (keep[(candidate * examples) + example] != member)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Example {example} has no model on the other side of target {target}.");
    }

    /// <summary>
    /// The partner of <paramref name="target"/> for every example, into <paramref name="partners"/>: the models after
    /// the target are visited in turn, each compared with the target's keep row 32 examples at a time, until every
    /// example has found its partner.
    /// </summary>
    public static void Of(Population population, int target, Span<int> partners)
    {
        var (models, examples) = (population.Models, population.Examples);
        var keep = MemoryMarshal.Cast<bool, byte>(population.Keep.AsSpan());
        var own = keep.Slice(target * examples, examples);
        var open = examples;
        var searching = new byte[examples];
        searching.AsSpan().Fill(byte.MaxValue);
        var width = Vector256<byte>.Count;
        for (var candidate = Next(target, models); candidate != target && open > 0; candidate = Next(candidate, models))
        {
            var other = keep.Slice(candidate * examples, examples);
            var n = 0;
            for (; n + width <= examples; n += width)
            {
                var found = ~Vector256.Equals(Vector256.Create(own.Slice(n, width)), Vector256.Create(other.Slice(n, width)))
                    & Vector256.Create(searching.AsSpan(n, width));
                for (var bits = found.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    var example = n + BitOperations.TrailingZeroCount(bits);
                    (partners[example], searching[example]) = (candidate, 0);
                    open--;
                }
            }

            for (; n < examples; n++)
            {
                if (searching[n] != 0 && other[n] != own[n])
                {
                    (partners[n], searching[n]) = (candidate, 0);
                    open--;
                }
            }
        }

        if (open > 0)
        {
            throw new InvalidOperationException($"{open} examples have no model on the other side of target {target}.");
        }
    }

    /// <summary>The partners of every target: [models, examples] in C order.</summary>
    public static int[] All(Population population)
    {
        var (models, examples) = (population.Models, population.Examples);
        var partners = new int[models * examples];
        Parallel.For(0, models, t => Of(population, t, partners.AsSpan(t * examples, examples)));
        return partners;
    }

    private static int Next(int model, int models) => model + 1 == models ? 0 : model + 1;
}
