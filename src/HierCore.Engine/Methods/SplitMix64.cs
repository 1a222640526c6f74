namespace HierCore.Engine.Methods;

/// <summary>Tiny seeded PRNG with a fixed algorithm, so a seed means the same thing on every machine.</summary>
public sealed class SplitMix64(ulong seed)
{
    ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
