namespace MiaRepro.Numerics;

/// <summary>
/// A small, fast, seedable generator (SplitMix64). Cheap to create, so parallel loops can give every
/// replicate its own stream derived from one master seed and stay deterministic on any number of cores.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A well-mixed seed for stream <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public static ulong Derive(ulong seed, ulong index)
    {
        var g = new SplitMix64(seed ^ (0xD1B54A32D192ED03UL * (index + 1)));
        g.NextUInt64();
        return g.NextUInt64();
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>), by the multiply-high method (bias below 2⁻³²).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)Math.BigMul(NextUInt64(), (ulong)bound, out _);
    }
}
