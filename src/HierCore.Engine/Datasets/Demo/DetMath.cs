using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>
/// Arithmetic-only helpers. Math.Sin/Exp come from the platform's libm and may differ in the last bit between
/// machines, which could flip a rounded pixel; +, *, / and Sqrt are exact IEEE operations everywhere.
/// </summary>
internal static class DetMath
{
    public const double TwoPi = 2 * Math.PI;

    public static double Sin(double x)
    {
        double r = x - Math.Round(x / TwoPi) * TwoPi;           // [-pi, pi]
        if (r > Math.PI / 2) r = Math.PI - r;
        else if (r < -Math.PI / 2) r = -Math.PI - r;           // [-pi/2, pi/2], sin unchanged
        double r2 = r * r;                                      // Taylor to r^9: error < 4e-6
        return r * (1 - r2 / 6 * (1 - r2 / 20 * (1 - r2 / 42 * (1 - r2 / 72))));
    }

    public static double Cos(double x) => Sin(x + Math.PI / 2);

    public static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;

    public static double SmoothStep(double e0, double e1, double x)
    {
        double t = Clamp01((x - e0) / (e1 - e0));
        return t * t * (3 - 2 * t);
    }

    /// <summary>Value noise in [0, 1): hashed lattice values, smoothstep-interpolated.</summary>
    public static double ValueNoise(ulong seed, double x, double y)
    {
        double fx = Math.Floor(x), fy = Math.Floor(y);
        long ix = (long)fx, iy = (long)fy;
        double tx = x - fx, ty = y - fy;
        tx = tx * tx * (3 - 2 * tx);
        ty = ty * ty * (3 - 2 * ty);
        double a = Lattice(seed, ix, iy), b = Lattice(seed, ix + 1, iy);
        double c = Lattice(seed, ix, iy + 1), d = Lattice(seed, ix + 1, iy + 1);
        return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
    }

    /// <summary>Fractal sum of value noise, normalised to [0, 1).</summary>
    public static double Fbm(ulong seed, double x, double y, int octaves)
    {
        double sum = 0, amp = 1, norm = 0;
        for (int o = 0; o < octaves; o++)
        {
            sum += amp * ValueNoise(seed + (ulong)o * 1013, x, y);
            norm += amp;
            amp *= 0.5;
            x *= 2.03;
            y *= 2.03;
        }
        return sum / norm;
    }

    private static double Lattice(ulong seed, long x, long y) => SplitMix64.HashToUnit(SplitMix64.Hash(seed, x, y));
}
