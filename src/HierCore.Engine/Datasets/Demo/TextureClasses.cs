namespace HierCore.Engine.Datasets.Demo;

/// <summary>Soft diagonal stripes, like a printed or woven band. Phase, angle, period and colours vary per image.</summary>
internal sealed class StripesClass : DemoClass
{
    public override string Name => "stripes";
    public override bool IsObject => false;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(ref SplitMix64 rng)
    {
        double angle = 0.5236 + rng.Range(-0.06, 0.06);
        return new Scene(
            DetMath.Cos(angle), DetMath.Sin(angle), DetMath.TwoPi / (16 * rng.Range(0.97, 1.03)), rng.Range(0, DetMath.TwoPi),
            new Rgb(35, 60, 115).Jitter(ref rng, 8), new Rgb(185, 195, 210).Jitter(ref rng, 8), rng.NextULong());
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

    public override DemoScene Sample(ref SplitMix64 rng)
    {
        double period = 22 * rng.Range(0.98, 1.02);
        return new Scene(period, rng.Range(0, period), rng.Range(0, period),
            new Rgb(150, 165, 140).Jitter(ref rng, 8), new Rgb(55, 60, 50).Jitter(ref rng, 6), rng.NextULong());
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

    public override DemoScene Sample(ref SplitMix64 rng) =>
        new Scene(rng.Range(0, 32), rng.Range(0, 32), new Rgb(205, 175, 120).Jitter(ref rng, 4),
            new Rgb(80, 62, 45).Jitter(ref rng, 3), rng.NextULong());

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
/// Granite-like fractal noise with speckles: the busiest and most varied class, so its normal scores run highest —
/// like a cast or sintered part beside printed and woven ones. Each image has its own grain size (12–36 units),
/// contrast, tint, speckle density (0.5–7 %) and brightness, as batches of a natural or cast material vary, so a
/// test normal is never quite like any training image; regular
/// classes (stripes, grid, woven) repeat one pattern and score near zero. That difference in normal score scale
/// is what one global threshold cannot serve (README: the demo). Busier still (4 octaves, 9 % speckles) made
/// test normals as novel as defects: image AUROC 0.6 with PatchCore.
/// </summary>
internal sealed class NoiseClass : DemoClass
{
    public override string Name => "noise";
    public override bool IsObject => false;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(ref SplitMix64 rng) =>
        new Scene(rng.NextULong(), rng.Range(0.9, 1.1), rng.Range(12, 36), rng.Range(1.2, 2.0), rng.Range(0.005, 0.07),
            new Rgb(150, 140, 128).Jitter(ref rng, 20));

    private sealed class Scene(ulong seed, double gain, double grain, double contrast, double speckles, Rgb mid) : DemoScene
    {
        private static readonly Rgb Low = new(85, 80, 78), High = new(210, 204, 192), Speck = new(35, 30, 28);

        public override Rgb Colour(double u, double v)
        {
            double n = DetMath.Clamp01((DetMath.Fbm(seed, u / grain, v / grain, 3) - 0.5) * contrast + 0.5);
            var c = n < 0.5 ? Rgb.Lerp(Low, mid, n * 2) : Rgb.Lerp(mid, High, n * 2 - 1);
            double speck = SplitMix64.HashToUnit(SplitMix64.Hash(seed ^ 0x5eed, (long)Math.Floor(u / 3), (long)Math.Floor(v / 3)));
            if (speck < speckles) c = Rgb.Lerp(c, Speck, 0.7);
            return c * gain;
        }

        public override Rgb ScratchColour => new(240, 150, 50);
        public override Rgb StainColour => new(35, 75, 175);
    }
}
