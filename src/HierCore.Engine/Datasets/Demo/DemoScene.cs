using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>
/// One normal image's content, with its random parameters fixed. Coordinates are on a 256×256 canvas whatever
/// the output size, so a reduced-size dataset is the same picture at a lower resolution.
/// </summary>
internal abstract class DemoScene
{
    public const double Canvas = 256;

    /// <summary>Noise-free colour at canvas point (u, v).</summary>
    public abstract Rgb Colour(double u, double v);

    /// <summary>Where a defect may sit: the part (objects) or anywhere (textures).</summary>
    public virtual bool OnObject(double u, double v) => true;

    /// <summary>What shows through where part of an object is missing.</summary>
    public virtual Rgb Background(double u, double v) => Colour(u, v);

    /// <summary>
    /// A uniformly drawn point where a defect may sit, well inside the image: the usual 256→224 centre crop
    /// drops a 16-unit border, and a defect hidden there would be labelled but unseeable.
    /// </summary>
    public (double U, double V) PointOnObject(SplitMix64 rng)
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            double u = rng.Uniform(48, Canvas - 48), v = rng.Uniform(48, Canvas - 48);
            if (OnObject(u, v)) return (u, v);
        }
        throw new InvalidOperationException($"{GetType().Name}: found no point on the object.");
    }

    /// <summary>A point on the object's outline, where a chunk can be missing. Only objects with such defects have one.</summary>
    public virtual (double U, double V) RimPoint(SplitMix64 rng) =>
        throw new NotSupportedException($"{GetType().Name} has no rim for a 'missing' defect.");

    /// <summary>Foreign colours for defects: chosen per class to be visible on it, not to be garish.</summary>
    public abstract Rgb ScratchColour { get; }
    public abstract Rgb StainColour { get; }
}

/// <summary>A demo class: a name, its defect types and a sampler of normal scenes.</summary>
internal abstract class DemoClass
{
    public abstract string Name { get; }
    public abstract bool IsObject { get; }
    public abstract IReadOnlyList<string> DefectKinds { get; }

    /// <summary>Fine (small, faint) for regular products, coarse for busy ones: see <see cref="DefectSeverity"/>.</summary>
    public virtual DefectSeverity Severity => DefectSeverity.Fine;

    public abstract DemoScene Sample(SplitMix64 rng);

    public static readonly IReadOnlyList<DemoClass> All =
        [new StripesClass(), new GridClass(), new WovenClass(), new NoiseClass(), new DiscClass(), new RodClass()];
}
