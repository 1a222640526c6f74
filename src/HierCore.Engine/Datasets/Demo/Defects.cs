using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

internal static class DefectKind
{
    public const string Scratch = "scratch", Stain = "stain", Hole = "hole", Missing = "missing";
}

/// <summary>
/// How large and how strong a class's defects are (uniform ranges in canvas units and blend weights). Flaws in a
/// fine regular product are small and faint (a pulled thread, a light smudge); on a busy surface they must be
/// coarse to be seen at all, as on real products — and that is what lets the busy class's good images outscore the
/// regular classes' defective ones under one global threshold.
/// </summary>
internal sealed record DefectSeverity(string Name, (double Min, double Max) ScratchHalfLength, (double Min, double Max) ScratchHalfWidth,
    (double Min, double Max) ScratchAlpha, (double Min, double Max) StainRadius, (double Min, double Max) StainAlpha,
    (double Min, double Max) HoleRadius)
{
    public static readonly DefectSeverity Fine = new("fine", (15, 30), (1.1, 1.5), (0.3, 0.45), (7, 12), (0.25, 0.4), (5.5, 8));
    public static readonly DefectSeverity Coarse = new("coarse", (25, 55), (2.0, 3.5), (0.75, 0.9), (12, 26), (0.65, 0.9), (6, 13));
}

internal static class RangeDraw
{
    public static double Draw(this SplitMix64 rng, (double Min, double Max) range) => rng.Uniform(range.Min, range.Max);
}

/// <summary>A local defect: a hard-edged region (so the mask is exact) and the colour painted inside it.</summary>
internal abstract class Defect
{
    /// <summary>Canvas bounding box; nothing outside it is touched.</summary>
    public abstract (double U0, double V0, double U1, double V1) Bounds { get; }

    protected static (double, double, double, double) Around(double u, double v, double reach) =>
        (u - reach, v - reach, u + reach, v + reach);

    public abstract bool Covers(double u, double v);
    public abstract Rgb Paint(double u, double v, Rgb clean);

    /// <summary>Sampled parameters, for the manifest.</summary>
    public abstract IReadOnlyDictionary<string, double> Parameters { get; }

    public static Defect Sample(string kind, DemoScene scene, DefectSeverity severity, SplitMix64 rng) => kind switch
    {
        DefectKind.Scratch => Scratch.Sample(scene, severity, rng),
        DefectKind.Stain => Stain.Sample(scene, severity, rng),
        DefectKind.Hole => Hole.Sample(scene, severity, rng, scene.PointOnObject(rng)),
        DefectKind.Missing => Hole.Sample(scene, severity, rng, scene.RimPoint(rng)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown demo defect type."),
    };

    /// <summary>
    /// A painted colour too close to the clean one would put invisible pixels in the mask; push it away instead,
    /// so every masked pixel really changed (and the dataset rule "mean change ≥ 8/255" holds with margin).
    /// </summary>
    protected static Rgb Visible(Rgb painted, Rgb clean)
    {
        if (painted.MeanAbsDiff(clean) >= 16) return painted;
        double push = clean.Luma > 128 ? -30 : 30;
        return clean + new Rgb(push, push, push);
    }

    /// <summary>A thin straight line of a foreign colour (a scratch or a pulled thread).</summary>
    private sealed class Scratch(DemoScene scene, double cu, double cv, double dx, double dy, double halfLength, double halfWidth, double alpha)
        : Defect
    {
        public override (double U0, double V0, double U1, double V1) Bounds => Around(cu, cv, halfLength + halfWidth + 1);

        public static Scratch Sample(DemoScene scene, DefectSeverity severity, SplitMix64 rng)
        {
            var (u, v) = scene.PointOnObject(rng);
            double angle = rng.Uniform(0, Math.PI);
            return new Scratch(scene, u, v, DetMath.Cos(angle), DetMath.Sin(angle), rng.Draw(severity.ScratchHalfLength),
                rng.Draw(severity.ScratchHalfWidth), rng.Draw(severity.ScratchAlpha));
        }

        public override bool Covers(double u, double v)
        {
            double pu = u - cu, pv = v - cv;
            double t = Math.Clamp(pu * dx + pv * dy, -halfLength, halfLength);
            double eu = pu - t * dx, ev = pv - t * dy;
            return eu * eu + ev * ev <= halfWidth * halfWidth && scene.OnObject(u, v);
        }

        public override Rgb Paint(double u, double v, Rgb clean) => Visible(Rgb.Lerp(clean, scene.ScratchColour, alpha), clean);

        public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
        {
            ["u"] = cu, ["v"] = cv, ["dx"] = dx, ["dy"] = dy, ["length"] = 2 * halfLength, ["width"] = 2 * halfWidth, ["alpha"] = alpha,
        };
    }

    /// <summary>An irregular blob (noise-perturbed disc) blended towards a foreign, mottled colour.</summary>
    private sealed class Stain(DemoScene scene, double cu, double cv, double radius, double alpha, ulong seed)
        : Defect
    {
        public override (double U0, double V0, double U1, double V1) Bounds => Around(cu, cv, radius * 1.4 + 1);

        public static Stain Sample(DemoScene scene, DefectSeverity severity, SplitMix64 rng)
        {
            var (u, v) = scene.PointOnObject(rng);
            return new Stain(scene, u, v, rng.Draw(severity.StainRadius), rng.Draw(severity.StainAlpha), rng.NextUInt64());
        }

        public override bool Covers(double u, double v)
        {
            double du = u - cu, dv = v - cv;
            double d = Math.Sqrt(du * du + dv * dv) / radius;
            return d + 0.6 * (DetMath.ValueNoise(seed, u / 7, v / 7) - 0.5) < 1 && scene.OnObject(u, v);
        }

        public override Rgb Paint(double u, double v, Rgb clean)
        {
            double mottle = 0.8 + 0.4 * DetMath.ValueNoise(seed ^ 0xABCDEF, u / 4, v / 4);
            return Visible(Rgb.Lerp(clean, scene.StainColour * mottle, alpha), clean);
        }

        public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
        {
            ["u"] = cu, ["v"] = cv, ["radius"] = radius, ["alpha"] = alpha,
        };
    }

    /// <summary>Material gone (a drilled hole, a bite out of an edge): the background shows, a little shadowed.</summary>
    private sealed class Hole(DemoScene scene, double cu, double cv, double radius) : Defect
    {
        public override (double U0, double V0, double U1, double V1) Bounds => Around(cu, cv, radius + 1);

        public static Hole Sample(DemoScene scene, DefectSeverity severity, SplitMix64 rng, (double U, double V) centre) =>
            new(scene, centre.U, centre.V, rng.Draw(severity.HoleRadius));

        public override bool Covers(double u, double v)
        {
            double du = u - cu, dv = v - cv;
            return du * du + dv * dv <= radius * radius && scene.OnObject(u, v);
        }

        public override Rgb Paint(double u, double v, Rgb clean) => Visible(scene.Background(u, v) * 0.85, clean);

        public override IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double>
        {
            ["u"] = cu, ["v"] = cv, ["radius"] = radius,
        };
    }
}
