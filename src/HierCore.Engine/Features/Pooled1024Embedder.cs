using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// <c>pooled1024</c> embedding: the official PatchCore form (patchcore-inspection's PatchMaker,
/// Preprocessing/MeanMapper and Aggregator). Per tap: unfold 3×3 with zero padding 1 → a C·9 vector per
/// cell (index c·9 + ky·3 + kx, torch's Unfold order); layer3's unfolded grid is upsampled bilinearly to
/// layer2's grid (patchcore-inspection interpolates the unfolded patches, not the raw map); each tap's
/// C·9 vector is adaptive-average-pooled (1-d) to <see cref="Dim"/>; the taps are stacked [P, 2, Dim] and
/// the flattened 2·Dim vector adaptive-average-pooled to Dim.
/// </summary>
/// <remarks>
/// The last pool over the stacked taps averages neighbouring pairs, so the first half of the output comes
/// from layer2 and the second half from layer3 — that is what the official code does, kept as is.
/// </remarks>
public sealed class Pooled1024Embedder : PatchEmbedder
{
    public const string EmbeddingName = "pooled1024";

    private readonly int _dim;

    public Pooled1024Embedder(int layer2Channels = 128, int layer3Channels = 256, int dim = 1024)
        : base(layer2Channels, layer3Channels)
    {
        if (dim <= 0) throw new ArgumentOutOfRangeException(nameof(dim), dim, "Pooled1024Embedder: target dimension must be positive.");
        _dim = dim;
    }

    public override string Name => EmbeddingName;

    public override int Dim => _dim;

    protected override Tensor EmbedCore(Tensor layer2, Tensor layer3)
    {
        long height = layer2.shape[2], width = layer2.shape[3];
        var patches2 = Patchify(layer2);
        var patches3 = UpsampleTo(Patchify(layer3), height, width);
        var pooled2 = PoolVectors(ToPatchRows(patches2), _dim);
        var pooled3 = PoolVectors(ToPatchRows(patches3), _dim);
        // Stack taps [B, P, 2, D] and pool the flattened 2·D vector, as the official Aggregator does.
        var stacked = stack([pooled2, pooled3], dim: 2).flatten(2);
        return PoolVectors(stacked, _dim);
    }

    /// <summary>[B, C, H, W] → [B, C·9, H, W]: each cell's zero-padded 3×3 neighbourhood.</summary>
    private static Tensor Patchify(Tensor grid)
    {
        var unfolded = nn.functional.unfold(grid, kernel_size: 3, dilation: 1, padding: 1, stride: 1);
        return unfolded.reshape(grid.shape[0], grid.shape[1] * 9, grid.shape[2], grid.shape[3]);
    }

    /// <summary>[B, P, L] → [B, P, target] by 1-d adaptive average pooling over the last axis.</summary>
    private static Tensor PoolVectors(Tensor rows, int target)
    {
        long batch = rows.shape[0], count = rows.shape[1], length = rows.shape[2];
        var flat = rows.reshape(batch * count, 1, length);
        return nn.functional.adaptive_avg_pool1d(flat, target).reshape(batch, count, target);
    }
}
