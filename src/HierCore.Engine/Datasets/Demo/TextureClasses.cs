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

/// <summary>
/// Basket weave, but every cloth differs: warp and weft yarn colours, cell size (12–22 units), threads per cell
/// and the angle it lies at are drawn per image, so training sees each combination only sparsely (a varied class:
/// its normals score high).
/// </summary>
internal sealed class WovenClass : DemoClass
{
    public override string Name => "woven";
    public override bool IsObject => false;
    public override DefectSeverity Severity => DefectSeverity.Coarse;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng)
    {
        double angle = rng.Uniform(0, Math.PI);
        return new Scene(rng.Uniform(0, 64), rng.Uniform(0, 64), DetMath.Cos(angle), DetMath.Sin(angle), rng.Uniform(12, 22),
            rng.NextInt(3, 5), Yarn(rng), Yarn(rng), rng.Uniform(0.3, 0.5), rng.NextUInt64());
    }

    /// <summary>A natural yarn colour: any brightness, always warm (tan to brown), so the red thread and blue ink are foreign.</summary>
    private static Rgb Yarn(SplitMix64 rng)
    {
        double luma = rng.Uniform(110, 225);
        return new Rgb(luma * rng.Uniform(0.95, 1.1), luma * rng.Uniform(0.7, 0.88), luma * rng.Uniform(0.45, 0.7));
    }

    /// <summary>Warp (threads along x) and weft (along y) have their own yarn, as in a two-colour cloth.</summary>
    private sealed class Scene(double ox, double oy, double cos, double sin, double cell, int threads, Rgb warp, Rgb weft, double gap,
        ulong fibreSeed) : DemoScene
    {
        public override Rgb Colour(double u, double v)
        {
            double x = u * cos + v * sin + ox, y = v * cos - u * sin + oy;
            long cx = (long)Math.Floor(x / cell), cy = (long)Math.Floor(y / cell);
            bool horizontal = ((cx + cy) & 1) == 0;
            double along = (horizontal ? x : y) - (horizontal ? cx : cy) * cell;
            double across = (horizontal ? y : x) - (horizontal ? cy : cx) * cell;
            double profile = DetMath.Sin(Math.PI * GridClass.Frac(across * threads / cell));
            // Threads dip under the crossing ones at the cell ends.
            double dip = 0.75 + 0.25 * DetMath.Sin(Math.PI * along / cell);
            double fibre = 0.92 + 0.16 * DetMath.ValueNoise(fibreSeed, x / 3, y / 3);
            var yarn = horizontal ? warp : weft;
            return Rgb.Lerp(yarn * gap, yarn * fibre, profile * dip);
        }

        public override Rgb ScratchColour => new(200, 30, 45);     // a pulled red thread
        public override Rgb StainColour => new(40, 70, 165);       // ink
    }
}

/// <summary>
/// Terrazzo: chips of several stones in a grout matrix. Every image has its own stones (palette), chip size,
/// elongation and orientation, and every chip its own shade and grain, so a test image's patches have no near twin
/// in training: the busy class whose normals score high. (The granite of version 1, varied per image in grain,
/// speckles and brightness, stayed on the regular classes' scale: 60 images cover a smooth texture's variation.)
/// </summary>
internal sealed class NoiseClass : DemoClass
{
    public override string Name => "noise";
    public override bool IsObject => false;
    public override DefectSeverity Severity => DefectSeverity.Coarse;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Scratch, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng)
    {
        double angle = rng.Uniform(0, Math.PI);
        var palette = new Rgb[4];
        for (int i = 0; i < palette.Length; i++)
        {
            double luma = rng.Uniform(55, 215);
            palette[i] = new Rgb(luma + rng.Uniform(-22, 22), luma + rng.Uniform(-22, 22), luma + rng.Uniform(-22, 22));
        }
        return new Scene(rng.NextUInt64(), DetMath.Cos(angle), DetMath.Sin(angle), rng.Uniform(3, 8), rng.Uniform(1, 2.2),
            palette, new Rgb(150, 145, 135).Jitter(rng, 30));
    }

    private sealed class Scene(ulong seed, double cos, double sin, double cell, double stretch, Rgb[] palette, Rgb grout) : DemoScene
    {
        public override Rgb Colour(double u, double v)
        {
            double x = (u * cos + v * sin) / cell, y = (v * cos - u * sin) / (cell * stretch);
            long ix = (long)Math.Floor(x), iy = (long)Math.Floor(y);
            double d1 = double.MaxValue, d2 = double.MaxValue;
            ulong chip = 0;
            for (long cy = iy - 1; cy <= iy + 1; cy++)
                for (long cx = ix - 1; cx <= ix + 1; cx++)
                {
                    ulong h = SplitMix64.Hash(seed, cx, cy);
                    double px = cx + SplitMix64.HashToUnit(h), py = cy + SplitMix64.HashToUnit(SplitMix64.Hash(h, 1, 0));
                    double d = (x - px) * (x - px) + (y - py) * (y - py);
                    if (d < d1) { d2 = d1; d1 = d; chip = h; }
                    else if (d < d2) d2 = d;
                }
            // Grout where two chips meet (Worley F2 − F1 small).
            if (Math.Sqrt(d2) - Math.Sqrt(d1) < 0.14) return grout;
            double shade = 0.65 + 0.7 * SplitMix64.HashToUnit(SplitMix64.Hash(chip, 2, 0));
            // Each stone has its own grain: fine mottling whose strength differs from chip to chip.
            double grain = SplitMix64.HashToUnit(SplitMix64.Hash(chip, 3, 0)) * (DetMath.ValueNoise(chip, u / 1.5, v / 1.5) - 0.5);
            return palette[(int)(chip % (ulong)palette.Length)] * (shade + 0.5 * grain);
        }

        public override Rgb ScratchColour => new(240, 150, 50);
        public override Rgb StainColour => new(35, 75, 175);
    }
}
