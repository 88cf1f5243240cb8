namespace MiaRepro.Metrics;

/// <summary>
/// Doubles as unsigned 64-bit keys whose order is the doubles' order, so that scores sort by a radix sort of
/// integers: flip every bit of a negative number, only the sign bit of a positive one. −0 is mapped to +0 first,
/// so two scores get the same key exactly when they compare equal (NaN is the caller's bug and never gets here).
/// </summary>
internal static class SortableKeys
{
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>Up to this length a comparison sort is faster than eight radix passes.</summary>
    private const int SmallSort = 256;

    public static ulong FromScore(double score)
    {
        var bits = BitConverter.DoubleToUInt64Bits(score + 0.0);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    public static double ToScore(ulong key) =>
        BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key & ~SignBit : ~key);

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending: least-significant-digit radix sort, eight passes of one byte (a
    /// pass whose byte is the same for every key is skipped), through <paramref name="buffer"/> of the same length.
    /// </summary>
    public static void Sort(Span<ulong> keys, Span<ulong> buffer)
    {
        if (buffer.Length < keys.Length)
        {
            throw new ArgumentException($"The buffer holds {buffer.Length} keys, fewer than the {keys.Length} to sort.", nameof(buffer));
        }

        if (keys.Length <= SmallSort)
        {
            keys.Sort();
            return;
        }

        const int Radix = 256;
        Span<int> counts = stackalloc int[8 * Radix];
        counts.Clear();
        foreach (var key in keys)
        {
            for (var d = 0; d < 8; d++)
            {
                counts[(d * Radix) + (int)((key >> (8 * d)) & 0xFF)]++;
            }
        }

        var source = keys;
        var target = buffer[..keys.Length];
        for (var d = 0; d < 8; d++)
        {
            var digit = counts.Slice(d * Radix, Radix);
            var shift = 8 * d;
            if (digit[(int)((source[0] >> shift) & 0xFF)] == keys.Length)
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < Radix; b++)
            {
                (digit[b], offset) = (offset, offset + digit[b]);
            }

            foreach (var key in source)
            {
                target[digit[(int)((key >> shift) & 0xFF)]++] = key;
            }

            var swap = source;
            source = target;
            target = swap;
        }

        if (source != keys)
        {
            source.CopyTo(keys);
        }
    }
}
