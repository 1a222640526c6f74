using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>A machined washer centred on a dark table; it shifts a few units and its turning rings change phase.</summary>
internal sealed class DiscClass : DemoClass
{
    public override string Name => "disc";
    public override bool IsObject => true;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Hole, DefectKind.Scratch];

    public override DemoScene Sample(SplitMix64 rng) =>
        new Scene(128 + rng.Uniform(-4, 4), 128 + rng.Uniform(-4, 4), 88 * rng.Uniform(0.98, 1.02), 26 * rng.Uniform(0.97, 1.03),
            rng.Uniform(0, DetMath.TwoPi), new Rgb(175, 175, 182).Jitter(rng, 7), new Rgb(30, 32, 38).Jitter(rng, 4));

    private sealed class Scene(double cx, double cy, double outer, double inner, double ringPhase, Rgb metal, Rgb table) : DemoScene
    {
        public override Rgb Colour(double u, double v)
        {
            double dx = u - cx, dy = v - cy, r = Math.Sqrt(dx * dx + dy * dy);
            double cover = Math.Min(DetMath.Clamp01(outer - r + 0.5), DetMath.Clamp01(r - inner + 0.5));
            if (cover <= 0) return Background(u, v);
            // Light from the top left, plus fine turning rings.
            double light = r > 0 ? (-dx - dy) / (r * 1.4142) : 0;
            double shade = 0.82 + 0.12 * light * DetMath.SmoothStep(inner, outer, r) + 0.05 * DetMath.Sin(r * 1.1 + ringPhase);
            return Rgb.Lerp(Background(u, v), metal * shade, cover);
        }

        public override bool OnObject(double u, double v)
        {
            double dx = u - cx, dy = v - cy, r = Math.Sqrt(dx * dx + dy * dy);
            return r <= outer && r >= inner;
        }

        public override Rgb Background(double u, double v)
        {
            double du = (u - 128) / 128, dv = (v - 128) / 128;
            return table * (1.05 - 0.15 * (du * du + dv * dv));
        }

        public override Rgb ScratchColour => new(70, 62, 58);
        public override Rgb StainColour => new(120, 80, 40);
    }
}

/// <summary>A copper rod (capsule) on a light table: small shift, tilt and length changes per image.</summary>
internal sealed class RodClass : DemoClass
{
    public override string Name => "rod";
    public override bool IsObject => true;
    public override IReadOnlyList<string> DefectKinds => [DefectKind.Missing, DefectKind.Stain];

    public override DemoScene Sample(SplitMix64 rng)
    {
        double tilt = rng.Uniform(-0.05, 0.05);
        return new Scene(128 + rng.Uniform(-5, 5), 128 + rng.Uniform(-5, 5), DetMath.Cos(tilt), DetMath.Sin(tilt),
            92 * rng.Uniform(0.98, 1.02), 17 * rng.Uniform(0.97, 1.03),
            new Rgb(185, 110, 60).Jitter(rng, 8), new Rgb(205, 205, 198).Jitter(rng, 5));
    }

    private sealed class Scene(double cx, double cy, double cos, double sin, double halfLength, double radius, Rgb copper, Rgb table)
        : DemoScene
    {
        public override Rgb Colour(double u, double v)
        {
            var (along, across, dist) = Frame(u, v);
            double cover = DetMath.Clamp01(radius - dist + 0.5);
            if (cover <= 0) return Background(u, v);
            // Cylinder shading across the rod, with a specular band above the axis.
            double n = Math.Clamp(across / radius, -1, 1);
            double band = Math.Max(0, 1 - (n + 0.35) * (n + 0.35) / 0.04);
            double shade = 0.45 + 0.5 * Math.Sqrt(1 - n * n) + 0.3 * band * band;
            double end = Math.Abs(along) > halfLength ? 0.9 : 1;    // the rounded caps catch less light
            return Rgb.Lerp(Background(u, v), copper * (shade * end), cover);
        }

        public override bool OnObject(double u, double v) => Frame(u, v).Dist <= radius;

        public override Rgb Background(double u, double v) => table * (0.97 + 0.06 * v / Canvas);

        public override Rgb ScratchColour => new(60, 40, 30);
        public override Rgb StainColour => new(45, 95, 60);

        /// <summary>Rod frame: position along and across the axis, and distance to the axis segment.</summary>
        private (double Along, double Across, double Dist) Frame(double u, double v)
        {
            double du = u - cx, dv = v - cy;
            double along = du * cos + dv * sin, across = -du * sin + dv * cos;
            double beyond = Math.Max(Math.Abs(along) - halfLength, 0);
            return (along, across, Math.Sqrt(beyond * beyond + across * across));
        }

        /// <summary>A point on the rod's long edges (not the caps), for a bite out of its side.</summary>
        public override (double U, double V) RimPoint(SplitMix64 rng)
        {
            double along = rng.Uniform(-0.8, 0.8) * halfLength, across = rng.Chance(0.5) ? -radius : radius;
            return (cx + along * cos - across * sin, cy + along * sin + across * cos);
        }
    }
}
