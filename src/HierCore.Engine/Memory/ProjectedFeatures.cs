using TorchSharp;
using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>
/// Row-major managed copy of the (projected) features the k-center search runs on. A pinned contiguous
/// float array keeps every distance a straight 512-byte read for D = 128, which is what the greedy search
/// spends its time on.
/// </summary>
internal sealed class ProjectedFeatures(float[] values, int rows, int dim)
{
    public float[] Values { get; } = values;
    public int Rows { get; } = rows;
    public int Dim { get; } = dim;

    const int ProjectionBlock = 16384;

    /// <summary>
    /// Random Gaussian projection D → projectionDim (entries N(0, 1/projectionDim), so distances are kept in
    /// expectation), drawn from a torch generator seeded with <paramref name="seed"/>. When D ≤ projectionDim
    /// (or projectionDim ≤ 0) the features are used as they are: a projection cannot make them cheaper, only
    /// distort them. (patchcore-inspection skips only D == 128 and maps smaller D up; we do not.)
    /// </summary>
    public static ProjectedFeatures From(Tensor features, int projectionDim, int seed)
    {
        if (features.dim() != 2)
            throw new ArgumentException($"CoresetSampler: features must be [N, D], got shape [{string.Join(", ", features.shape)}].", nameof(features));
        return From(new TensorPatchRows(features), projectionDim, seed);
    }

    /// <summary>
    /// As <see cref="From(Tensor, int, int)"/>, reading the rows a block at a time: only the projected rows and one
    /// block of the originals are ever in memory. The blocks are the same whatever the source, so a tensor and the
    /// feature cache give the same projected values to the bit.
    /// </summary>
    public static ProjectedFeatures From(IPatchRows features, int projectionDim, int seed)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int n = checked((int)features.Rows), d = features.Dim;
        Tensor? w = null;
        if (projectionDim > 0 && d > projectionDim)
        {
            var generator = new torch.Generator((ulong)seed, CPU);
            w = randn([d, projectionDim], ScalarType.Float32, CPU, generator: generator) / MathF.Sqrt(projectionDim);
        }
        var outDim = w is null ? d : projectionDim;
        var values = new float[(long)n * outDim];
        // Row blocks: a float16 group is widened to float32 one block at a time, never as a whole.
        for (long r0 = 0; r0 < n; r0 += ProjectionBlock)
        {
            using var block = NewDisposeScope();
            var x = features.Read(r0, Math.Min(n, r0 + ProjectionBlock)).to(CPU).to(ScalarType.Float32);
            if (!x.isfinite().all().item<bool>())
                throw new ArgumentException("CoresetSampler: features contain NaN or infinity.", nameof(features));
            if (w is not null) x = x.mm(w);
            x.contiguous().data<float>().CopyTo(values, checked((int)(r0 * outDim)));
        }
        d = outDim;
        return new ProjectedFeatures(values, n, d);
    }
}
