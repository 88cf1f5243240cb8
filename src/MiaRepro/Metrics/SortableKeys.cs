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

    /// <summary>From this length on, the top 16 bits are sorted first, so that the rest sorts in cache.</summary>
    private const int LargeSort = 1 << 18;

    public static ulong FromScore(double score)
    {
        var bits = BitConverter.DoubleToUInt64Bits(score + 0.0);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    public static double ToScore(ulong key) =>
        BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key & ~SignBit : ~key);

    /// <summary>
    /// Sorts <paramref name="keys"/> ascending through <paramref name="buffer"/> (at least as long). Short keys: a
    /// comparison sort. Up to <see cref="LargeSort"/>: a least-significant-digit radix sort, eight passes of one byte
    /// (a pass whose byte is the same for every key is skipped). Longer: one most-significant pass on the top 16
    /// bits (sign, exponent, 4 bits of mantissa), then each bucket, small enough to stay in cache, by the low six bytes.
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
        }
        else if (keys.Length < LargeSort)
        {
            SortLowBytes(keys, buffer, 8);
        }
        else
        {
            SortByTopBitsThenLowBytes(keys, buffer);
        }
    }

    private static void SortByTopBitsThenLowBytes(Span<ulong> keys, Span<ulong> buffer)
    {
        const int TopShift = 48;
        var ends = new int[1 << (64 - TopShift)];
        foreach (var key in keys)
        {
            ends[(int)(key >> TopShift)]++;
        }

        var offset = 0;
        for (var b = 0; b < ends.Length; b++)
        {
            (ends[b], offset) = (offset, offset + ends[b]);
        }

        foreach (var key in keys)
        {
            buffer[ends[(int)(key >> TopShift)]++] = key;
        }

        // ends[b] is now where bucket b ends; each bucket sorts in the buffer and moves back to the keys.
        var start = 0;
        for (var b = 0; b < ends.Length && start < keys.Length; b++)
        {
            var bucket = buffer[start..ends[b]];
            var home = keys[start..ends[b]];
            if (bucket.Length <= SmallSort)
            {
                bucket.Sort();
            }
            else
            {
                SortLowBytes(bucket, home, TopShift / 8);
            }

            bucket.CopyTo(home);
            start = ends[b];
        }
    }

    /// <summary>
    /// Sorts <paramref name="keys"/> by their low <paramref name="bytes"/> bytes (all others equal, or ignored), one
    /// stable counting pass per byte from the lowest, through <paramref name="buffer"/>; the result is in the keys.
    /// </summary>
    private static void SortLowBytes(Span<ulong> keys, Span<ulong> buffer, int bytes)
    {
        const int Radix = 256;
        Span<int> counts = stackalloc int[8 * Radix];
        counts.Clear();
        foreach (var key in keys)
        {
            for (var d = 0; d < bytes; d++)
            {
                counts[(d * Radix) + (int)((key >> (8 * d)) & 0xFF)]++;
            }
        }

        var source = keys;
        var target = buffer[..keys.Length];
        for (var d = 0; d < bytes; d++)
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
