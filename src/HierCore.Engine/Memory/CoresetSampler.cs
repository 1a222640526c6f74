using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>
/// Approximate greedy k-center coreset (METHOD.md §3.1): seeded Gaussian projection to 128 dims, 10 seeded
/// starting points whose mean distance initialises every min-distance, then repeatedly the arg-max of the
/// min-distance. Returns row indices in pick order. <see cref="Select"/> and <see cref="SelectNaive"/> give
/// identical picks; <see cref="Select"/> skips distances the triangle inequality proves useless.
/// </summary>
public static class CoresetSampler
{
    public const int DefaultProjectionDim = 128;

    /// <summary>⌈ratio·n⌉, computed in decimal so that e.g. 0.1·30 is 3, not 4.</summary>
    public static int CoresetSize(int n, double ratio)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "CoresetSampler: n must be ≥ 0.");
        if (!(ratio > 0 && ratio <= 1))
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "CoresetSampler: ratio must be in (0, 1].");
        return (int)Math.Min(n, Math.Ceiling((decimal)ratio * n));
    }

    /// <summary>
    /// Pruned greedy k-center; same picks, same order as <see cref="SelectNaive"/>. Measured on clustered,
    /// patch-like features: 8.5× faster at N = 50k and 17× (CPU time) at N = 200k. On structureless isotropic
    /// noise the triangle bounds almost never apply and it is about 2× slower than the naive loop.
    /// </summary>
    public static long[] Select(Tensor features, int count, int seed, int projectionDim = DefaultProjectionDim, CancellationToken ct = default) =>
        Select(new TensorPatchRows(CheckMatrix(features)), count, seed, projectionDim, ct);

    /// <summary>As <see cref="Select(Tensor, int, int, int, CancellationToken)"/>, reading the rows a block at a time.</summary>
    public static long[] Select(IPatchRows features, int count, int seed, int projectionDim = DefaultProjectionDim, CancellationToken ct = default) =>
        KCenterPruned.Run(Prepare(features, count, seed, projectionDim), count, seed, ct);

    /// <summary>Reference greedy k-center: one distance row against all N points per pick.</summary>
    public static long[] SelectNaive(Tensor features, int count, int seed, int projectionDim = DefaultProjectionDim, CancellationToken ct = default) =>
        SelectNaive(new TensorPatchRows(CheckMatrix(features)), count, seed, projectionDim, ct);

    public static long[] SelectNaive(IPatchRows features, int count, int seed, int projectionDim = DefaultProjectionDim, CancellationToken ct = default) =>
        KCenterNaive.Run(Prepare(features, count, seed, projectionDim), count, seed, ct);

    /// <summary>The two searches on given projected features; the pruned one consumes them (reorders their rows).</summary>
    internal static long[] Select(ProjectedFeatures f, int count, int seed, bool useFast) =>
        useFast ? KCenterPruned.Run(f, count, seed) : KCenterNaive.Run(f, count, seed);

    static Tensor CheckMatrix(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.dim() == 2
            ? features
            : throw new ArgumentException($"CoresetSampler: features must be [N, D], got shape [{string.Join(", ", features.shape)}].", nameof(features));
    }

    internal static ProjectedFeatures Prepare(IPatchRows features, int count, int seed, int projectionDim)
    {
        ArgumentNullException.ThrowIfNull(features);
        var f = ProjectedFeatures.From(features, projectionDim, seed);
        if (count < 0 || count > f.Rows)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"CoresetSampler: count must be in [0, {f.Rows}] (number of feature rows).");
        return f;
    }
}
