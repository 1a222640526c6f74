namespace HierCore.Engine.Datasets.Demo;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a fully specified PRNG, so a seed gives the same stream on every
/// machine and .NET version (System.Random's algorithm is an implementation detail).
/// </summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;

    public ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, 1) from the top 53 bits (exact in a double).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)((NextULong() >> 33) % (ulong)n);

    public bool Chance(double p) => NextDouble() < p;

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Order-sensitive hash of several integers, for per-image and per-lattice-point seeds.</summary>
    public static ulong Hash(ulong seed, params ReadOnlySpan<long> parts)
    {
        ulong h = Mix(seed + 0x9E3779B97F4A7C15UL);
        foreach (var p in parts) h = Mix(h ^ ((ulong)p + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2)));
        return h;
    }

    /// <summary>Two-integer <see cref="Hash(ulong, ReadOnlySpan{long})"/> without the span, for per-pixel use.</summary>
    public static ulong Hash(ulong seed, long a, long b)
    {
        ulong h = Mix(seed + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ ((ulong)a + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2)));
        return Mix(h ^ ((ulong)b + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2)));
    }

    public static double HashToUnit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}
