namespace MiaRepro.Seeds;

/// <summary>
/// Derives every seed of a run from one master seed (SplitMix64 mixing of the master seed, a purpose label and
/// an index), so that the keep matrix, the data split and each model's initialization, data order and
/// augmentation draws are all fixed by the master seed and independent of one another.
/// </summary>
public static class SeedSequence
{
    public static long Derive(long master, string purpose, long index = 0)
    {
        var h = Mix((ulong)master);
        foreach (var c in purpose)
        {
            h = Mix(h ^ c);
        }

        h = Mix(h ^ (ulong)index);
        return (long)(h & 0x7FFF_FFFF_FFFF_FFFFUL);
    }

    /// <summary>A deterministic stream of 64-bit values (SplitMix64), for shuffles in managed code.</summary>
    public static IEnumerable<ulong> Stream(long seed)
    {
        var state = (ulong)seed;
        while (true)
        {
            state += 0x9E3779B97F4A7C15UL;
            yield return Finalize(state);
        }
    }

    /// <summary>A Fisher–Yates permutation of 0..n-1 driven by <see cref="Stream"/>.</summary>
    public static int[] Permutation(int n, long seed)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }

        using var random = Stream(seed).GetEnumerator();
        for (var i = n - 1; i > 0; i--)
        {
            random.MoveNext();
            var j = (int)(random.Current % (ulong)(i + 1));
            (p[i], p[j]) = (p[j], p[i]);
        }

        return p;
    }

    private static ulong Mix(ulong x) => Finalize(x + 0x9E3779B97F4A7C15UL);

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
