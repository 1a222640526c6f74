using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// 2-D gradient (Perlin) noise with a seeded permutation and eight fixed gradients: no trigonometry,
/// so values are bit-identical everywhere. Output roughly in [-1, 1].
/// </summary>
internal sealed class PerlinNoise
{
    private const double D = 0.70710678118654752;
    private static readonly (double X, double Y)[] Gradients =
        [(1, 0), (-1, 0), (0, 1), (0, -1), (D, D), (-D, D), (D, -D), (-D, -D)];

    private readonly int[] _perm = new int[512];

    public PerlinNoise(SplitMix64 rng)
    {
        var p = new int[256];
        for (var i = 0; i < 256; i++) p[i] = i;
        for (var i = 255; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        for (var i = 0; i < 512; i++) _perm[i] = p[i & 255];
    }

    public double Noise(double x, double y)
    {
        var xf = Math.Floor(x);
        var yf = Math.Floor(y);
        int xi = (int)xf & 255, yi = (int)yf & 255;
        double dx = x - xf, dy = y - yf;
        var u = Fade(dx);
        var v = Fade(dy);
        var n00 = Dot(_perm[_perm[xi] + yi], dx, dy);
        var n10 = Dot(_perm[_perm[xi + 1] + yi], dx - 1, dy);
        var n01 = Dot(_perm[_perm[xi] + yi + 1], dx, dy - 1);
        var n11 = Dot(_perm[_perm[xi + 1] + yi + 1], dx - 1, dy - 1);
        var a = n00 + u * (n10 - n00);
        var b = n01 + u * (n11 - n01);
        return (a + v * (b - a)) * 1.4142135623730951;
    }

    /// <summary>Fractal sum of octaves, each at twice the frequency and half the amplitude.</summary>
    public double Fbm(double x, double y, int octaves)
    {
        double sum = 0, amp = 1, norm = 0;
        for (var o = 0; o < octaves; o++)
        {
            sum += amp * Noise(x, y);
            norm += amp;
            x *= 2; y *= 2; amp *= 0.5;
        }
        return sum / norm;
    }

    private static double Fade(double t) => t * t * t * (t * (t * 6 - 15) + 10);

    private static double Dot(int hash, double x, double y)
    {
        var g = Gradients[hash & 7];
        return g.X * x + g.Y * y;
    }
}
