namespace HierCore.Engine.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a fully specified PRNG, so a seed gives the same stream on every
/// machine and .NET version (System.Random's algorithm is an implementation detail). The one generator of the
/// engine: dataset generators, coreset starts and criterion folds all draw from it.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Uniform integer in [0, n); rejection sampling keeps it unbiased.</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (ulong)n;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>Uniform integer in [min, max] (inclusive).</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    public bool NextBool() => (NextUInt64() >> 63) != 0;

    /// <summary>
    /// Approximately standard normal (Irwin–Hall sum of four uniforms, rescaled to unit variance).
    /// Avoids Math.Log/Cos, whose last bit may differ between C runtimes.
    /// </summary>
    public double NextGaussianish()
    {
        var s = NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0;
        return s * 1.7320508075688772; // sqrt(3): variance of the sum is 4/12
    }

    /// <summary>A unit vector with uniform direction (rejection in the unit disc, then exact sqrt).</summary>
    public (double X, double Y) NextDirection()
    {
        while (true)
        {
            var x = Uniform(-1, 1);
            var y = Uniform(-1, 1);
            var r2 = x * x + y * y;
            if (r2 is > 1e-4 and <= 1.0)
            {
                var r = Math.Sqrt(r2);
                return (x / r, y / r);
            }
        }
    }

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Order-sensitive hash of several integers, for per-image and per-lattice-point seeds.</summary>
    public static ulong Hash(ulong seed, params ReadOnlySpan<long> parts)
    {
        var h = Mix(seed + 0x9E3779B97F4A7C15UL);
        foreach (var p in parts) h = Mix(h ^ ((ulong)p + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2)));
        return h;
    }

    /// <summary>Two-integer <see cref="Hash(ulong, ReadOnlySpan{long})"/> without the span, for per-pixel use.</summary>
    public static ulong Hash(ulong seed, long a, long b)
    {
        var h = Mix(seed + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ ((ulong)a + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2)));
        return Mix(h ^ ((ulong)b + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2)));
    }

    /// <summary>A hash as a uniform number in [0, 1) (top 53 bits).</summary>
    public static double HashToUnit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// An independent stream per image: seed and a stable key (FNV-1a of UTF-8), so one image's
    /// draws never depend on how many draws other images needed.
    /// </summary>
    public static SplitMix64 ForKey(int seed, string key)
    {
        var h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(key))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return new SplitMix64(Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ h));
    }
}
