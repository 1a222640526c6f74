using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>A colour with double channels on the 0..255 scale, for rendering before quantisation.</summary>
internal readonly record struct Rgb(double R, double G, double B)
{
    public static Rgb operator *(Rgb c, double k) => new(c.R * k, c.G * k, c.B * k);
    public static Rgb operator +(Rgb a, Rgb b) => new(a.R + b.R, a.G + b.G, a.B + b.B);

    public static Rgb Lerp(Rgb a, Rgb b, double t) =>
        new(a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);

    public double MeanAbsDiff(Rgb o) => (Math.Abs(R - o.R) + Math.Abs(G - o.G) + Math.Abs(B - o.B)) / 3;

    public double Luma => 0.299 * R + 0.587 * G + 0.114 * B;

    /// <summary>The class colour with a small per-image jitter, so normals are not copies of each other.</summary>
    public Rgb Jitter(SplitMix64 rng, double amount) =>
        new(R + rng.Uniform(-amount, amount), G + rng.Uniform(-amount, amount), B + rng.Uniform(-amount, amount));
}
