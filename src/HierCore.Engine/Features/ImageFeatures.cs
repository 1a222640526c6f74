namespace HierCore.Engine.Features;

/// <summary>
/// Features of one image: <paramref name="PatchCount"/> patch vectors of length <paramref name="Dim"/>
/// (row-major patch order, flattened: patch p occupies Patches[p·Dim .. (p+1)·Dim)) and the L2-normalised
/// image descriptor g(x).
/// </summary>
public sealed record ImageFeatures(float[] Patches, int PatchCount, int Dim, float[] Descriptor)
{
    /// <summary>Patch p as a span (no copy).</summary>
    public ReadOnlySpan<float> Patch(int p) => Patches.AsSpan(p * Dim, Dim);

    /// <summary>Throws if the arrays disagree with the declared sizes.</summary>
    public void Validate(string context)
    {
        if (Patches is null || Descriptor is null)
            throw new ArgumentException($"{context}: ImageFeatures has null arrays.");
        if (PatchCount <= 0 || Dim <= 0 || (long)PatchCount * Dim != Patches.Length)
            throw new ArgumentException($"{context}: ImageFeatures declares {PatchCount}×{Dim} patches but holds {Patches.Length} values.");
    }

    /// <summary>
    /// Throws a <see cref="Contracts.DatasetException"/> naming <paramref name="image"/> when a value is NaN or infinite:
    /// one such value would poison the coreset, the criterion and every metric, far from its cause.
    /// </summary>
    public void RequireFinite(string image)
    {
        if (FirstNonFinite(Patches) is { } p)
            throw new Contracts.DatasetException($"Features of image '{image}' contain {Patches[p]} (patch {p / Dim}, channel {p % Dim}); " +
                "the image or the backbone produced a non-finite value, so the run stops here.");
        if (FirstNonFinite(Descriptor) is { } d)
            throw new Contracts.DatasetException($"The descriptor of image '{image}' contains {Descriptor[d]} (element {d}); " +
                "the image or the backbone produced a non-finite value, so the run stops here.");
    }

    static int? FirstNonFinite(float[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return null;
    }
}
