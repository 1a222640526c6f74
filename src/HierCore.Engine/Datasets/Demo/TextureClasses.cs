using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>Soft diagonal stripes, like a printed or woven band. Phase, angle, period and colours vary per image.</summary>
internal sealed class StripesClass : DemoClass
{
    public override string Name => "stripes";
    public override bool IsObject => false;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng)
    {
        double angle = 0.5236 + rng.Uniform(-0.06, 0.06);
        return new Scene(
            DetMath.Cos(angle), DetMath.Sin(angle), DetMath.TwoPi / (16 * rng.Uniform(0.97, 1.03)), rng.Uniform(0, DetMath.TwoPi),
            new Rgb(35, 60, 115).Jitter(rng, 8), new Rgb(185, 195, 210).Jitter(rng, 8), rng.NextUInt64());
    }

    private sealed class Scene(double cos, double sin, double freq, double phase, Rgb dark, Rgb light, ulong shadeSeed) : DemoScene
    {
        public override Rgb Colour(double u, double v)
        {
            double s = DetMath.SmoothStep(0.2, 0.8, 0.5 + 0.5 * DetMath.Sin((u * cos + v * sin) * freq + phase));
            double shade = 0.94 + 0.12 * DetMath.ValueNoise(shadeSeed, u / 64, v / 64);
            return Rgb.Lerp(dark, light, s) * shade;
        }

        public override Rgb ScratchColour => new(240, 205, 70);
        public override Rgb StainColour => new(125, 75, 35);
    }
}

/// <summary>A perforated-plate grid: dark lines on a greenish plate, random offset and slight period change.</summary>
internal sealed class GridClass : DemoClass
{
    public override string Name => "grid";
    public override bool IsObject => false;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng)
    {
        double period = 22 * rng.Uniform(0.98, 1.02);
        return new Scene(period, rng.Uniform(0, period), rng.Uniform(0, period),
            new Rgb(150, 165, 140).Jitter(rng, 8), new Rgb(55, 60, 50).Jitter(rng, 6), rng.NextUInt64());
    }

    private sealed class Scene(double period, double ox, double oy, Rgb plate, Rgb line, ulong shadeSeed) : DemoScene
    {
        public override Rgb Colour(double u, double v)
        {
            double dx = Math.Abs(Frac((u + ox) / period) - 0.5) * period;
            double dy = Math.Abs(Frac((v + oy) / period) - 0.5) * period;
            double onLine = 1 - DetMath.SmoothStep(1.5, 2.7, Math.Min(dx, dy));
            // A bevel: cells are slightly brighter towards their centre, as pressed metal is.
            double bevel = 0.92 + 0.08 * DetMath.SmoothStep(2, 9, Math.Min(dx, dy));
            double shade = 0.95 + 0.1 * DetMath.ValueNoise(shadeSeed, u / 48, v / 48);
            return Rgb.Lerp(plate * bevel, line, onLine) * shade;
        }

        public override Rgb ScratchColour => new(235, 235, 240);
        public override Rgb StainColour => new(160, 85, 40);
    }

    internal static double Frac(double x) => x - Math.Floor(x);
}

/// <summary>Basket weave: 16-unit cells alternating horizontal and vertical threads, beige cloth.</summary>
internal sealed class WovenClass : DemoClass
{
    public override string Name => "woven";
    public override bool IsObject => false;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng) =>
        new Scene(rng.Uniform(0, 32), rng.Uniform(0, 32), new Rgb(205, 175, 120).Jitter(rng, 4),
            new Rgb(80, 62, 45).Jitter(rng, 3), rng.NextUInt64());

    private sealed class Scene(double ox, double oy, Rgb thread, Rgb gap, ulong fibreSeed) : DemoScene
    {
        private const double Cell = 16, Threads = 4;

        public override Rgb Colour(double u, double v)
        {
            double x = u + ox, y = v + oy;
            long cx = (long)Math.Floor(x / Cell), cy = (long)Math.Floor(y / Cell);
            bool horizontal = ((cx + cy) & 1) == 0;
            double along = (horizontal ? x : y) - (horizontal ? cx : cy) * Cell;
            double across = (horizontal ? y : x) - (horizontal ? cy : cx) * Cell;
            double profile = DetMath.Sin(Math.PI * GridClass.Frac(across * Threads / Cell));
            // Threads dip under the crossing ones at the cell ends.
            double dip = 0.75 + 0.25 * DetMath.Sin(Math.PI * along / Cell);
            double fibre = 0.96 + 0.08 * DetMath.ValueNoise(fibreSeed, x / 3, y / 3);
            return Rgb.Lerp(gap, thread * fibre, profile * dip);
        }

        public override Rgb ScratchColour => new(225, 230, 250);
        public override Rgb StainColour => new(70, 120, 40);
    }
}

/// <summary>
/// Granite-like fractal noise with speckles: the busiest class, so its normal scores run highest. Busier still
/// (4 octaves, 9 % speckles) made test normals as novel as defects: image AUROC 0.6 with PatchCore.
/// </summary>
internal sealed class NoiseClass : DemoClass
{
    public override string Name => "noise";
    public override bool IsObject => false;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng) => new Scene(rng.NextUInt64(), rng.Uniform(0.96, 1.04));

    private sealed class Scene(ulong seed, double gain) : DemoScene
    {
        private static readonly Rgb Low = new(85, 80, 78), Mid = new(150, 140, 128), High = new(210, 204, 192), Speck = new(35, 30, 28);

        public override Rgb Colour(double u, double v)
        {
            double n = DetMath.Clamp01((DetMath.Fbm(seed, u / 24, v / 24, 3) - 0.5) * 1.6 + 0.5);
            var c = n < 0.5 ? Rgb.Lerp(Low, Mid, n * 2) : Rgb.Lerp(Mid, High, n * 2 - 1);
            double speck = SplitMix64.HashToUnit(SplitMix64.Hash(seed ^ 0x5eed, (long)Math.Floor(u / 3), (long)Math.Floor(v / 3)));
            if (speck < 0.03) c = Rgb.Lerp(c, Speck, 0.7);
            return c * gain;
        }

        public override Rgb ScratchColour => new(240, 150, 50);
        public override Rgb StainColour => new(35, 75, 175);
    }
}
