using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>
/// A coreset memory bank: the picked patch features and, for each entry, the training image it came from
/// (so an image can be scored while ignoring its own entries: HierCore's leave-image-out criterion).
/// Owns its tensors.
/// </summary>
public sealed class MemoryBank : IDisposable
{
    private readonly Tensor _sourceTensor;

    private MemoryBank(Tensor features, long[] sourceImage)
    {
        // Built inside callers' dispose scopes: the bank owns its tensors until Dispose.
        Features = features.DetachFromDisposeScope();
        SourceImage = sourceImage;
        _sourceTensor = tensor(sourceImage, ScalarType.Int64, features.device).DetachFromDisposeScope();
    }

    /// <summary>[M, D] float32 entries, in coreset pick order.</summary>
    public Tensor Features { get; }
    /// <summary>Source training image of each entry, aligned with the rows of <see cref="Features"/>.</summary>
    public long[] SourceImage { get; }
    /// <summary>The same source ids as a tensor on the bank's device (for leave-image-out exclusion).</summary>
    public Tensor SourceTensor => _sourceTensor;
    public int Entries => SourceImage.Length;
    /// <summary>Bytes held: features (4 per value) plus source ids (8 per entry).</summary>
    public long Bytes => Features.numel() * sizeof(float) + SourceImage.Length * (long)sizeof(long);

    /// <summary>
    /// Runs the greedy coreset (⌈ratio·N⌉ entries) over the patches and keeps the picked rows. ratio = 1
    /// keeps every patch in its original order without running the selection.
    /// </summary>
    public static MemoryBank Build(Tensor patches, long[] patchSourceImage, double ratio, int seed, bool useFast = true,
        int projectionDim = CoresetSampler.DefaultProjectionDim, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(patches);
        if (patches.dim() != 2)
            throw new ArgumentException($"MemoryBank: patches must be [N, D], got [{string.Join(", ", patches.shape)}].", nameof(patches));
        return Build(new TensorPatchRows(patches), patchSourceImage, ratio, seed, useFast, projectionDim, ct);
    }

    /// <summary>
    /// As <see cref="Build(Tensor, long[], double, int, bool, int, CancellationToken)"/> over rows read a block at a
    /// time (a group's patches from the feature cache): the rows are projected block by block, and only the picked
    /// rows are read back, so the group's patches are never in memory together.
    /// </summary>
    public static MemoryBank Build(IPatchRows patches, long[] patchSourceImage, double ratio, int seed, bool useFast = true,
        int projectionDim = CoresetSampler.DefaultProjectionDim, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(patches);
        ArgumentNullException.ThrowIfNull(patchSourceImage);
        if (patchSourceImage.Length != patches.Rows)
            throw new ArgumentException($"MemoryBank: {patchSourceImage.Length} source ids for {patches.Rows} patches.", nameof(patchSourceImage));
        int n = checked((int)patches.Rows);
        int count = CoresetSampler.CoresetSize(n, ratio);
        long[] picks = count == n && ratio >= 1
            ? Enumerable.Range(0, n).Select(i => (long)i).ToArray()
            : useFast ? CoresetSampler.Select(patches, count, seed, projectionDim, ct) : CoresetSampler.SelectNaive(patches, count, seed, projectionDim, ct);
        using var scope = NewDisposeScope();
        var features = patches.Gather(picks);
        return new MemoryBank(features, [.. picks.Select(i => patchSourceImage[i])]);
    }

    /// <summary>A bank from given entries (e.g. a fold's bank or one loaded from disk); takes a copy.</summary>
    public static MemoryBank FromEntries(Tensor features, long[] sourceImage)
    {
        if (features.dim() != 2 || features.shape[0] != sourceImage.Length)
            throw new ArgumentException($"MemoryBank: features [M, D] and {sourceImage.Length} source ids must align; got [{string.Join(", ", features.shape)}].", nameof(features));
        using var scope = NewDisposeScope();
        var copy = features.to(ScalarType.Float32).clone();
        return new MemoryBank(copy, [.. sourceImage]);
    }

    /// <summary>
    /// Distance [Q] to the nearest entry and its row [Q]; entries from <paramref name="excludeSourceImage"/>
    /// are ignored (+∞ and −1 when nothing is left).
    /// </summary>
    public (Tensor Distances, Tensor Indices) Nearest(Tensor queries, long? excludeSourceImage = null)
    {
        using var scope = NewDisposeScope();
        Tensor? querySource = excludeSourceImage is long s ? full([queries.shape[0]], s, ScalarType.Int64, Features.device) : null;
        var (d, i) = NearestNeighbourSearch.Nearest(queries, Features, querySource, querySource is null ? null : _sourceTensor);
        return (d.squeeze(1).MoveToOuterDisposeScope(), i.squeeze(1).MoveToOuterDisposeScope());
    }

    public void Dispose()
    {
        Features.Dispose();
        _sourceTensor.Dispose();
    }
}
