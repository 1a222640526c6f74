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

    /// <summary>
    /// Bumped (in EmbeddingRevisions) when the computed values change (not only their speed); part of the feature settings key, so caches
    /// written by an earlier revision are never mixed in. 2: pool before upsampling (see <see cref="EmbedCore"/>).
    /// </summary>
    public const int Revision = Contracts.EmbeddingRevisions.Pooled1024;

    protected override Tensor EmbedCore(Tensor layer2, Tensor layer3) =>
        _dim % 2 == 0 ? EmbedPoolingFirst(layer2, layer3) : EmbedAsWritten(layer2, layer3);

    /// <summary>
    /// The same linear map, cheaper: the last pool averages neighbour pairs, so for an even Dim the output is
    /// [pairs of pool(layer2 taps) | pairs of pool(layer3 taps)]. Pooling acts per cell and bilinear upsampling per
    /// channel, so they commute: layer3 is pooled on its own 14×14 grid and only Dim/2 channels are upsampled
    /// instead of C3·9 = 2304 (4.5× less). Pooling runs over the channel axis of the grid (a 2-d adaptive pool
    /// with width 1 windows), so no [cells, C·9] transposed copy is made. Equal to <see cref="EmbedAsWritten"/>
    /// up to float32 rounding.
    /// </summary>
    private Tensor EmbedPoolingFirst(Tensor layer2, Tensor layer3)
    {
        long height = layer2.shape[2], width = layer2.shape[3];
        var half2 = PoolChannelsToHalf(Patchify(layer2));
        var half3 = UpsampleTo(PoolChannelsToHalf(Patchify(layer3)), height, width);
        return ToPatchRows(cat([half2, half3], 1));
    }

    /// <summary>[B, L, H, W] → [B, Dim/2, H, W]: adaptive pool of each cell's L values to Dim, then neighbour pairs averaged.</summary>
    private Tensor PoolChannelsToHalf(Tensor grid)
    {
        long batch = grid.shape[0], length = grid.shape[1], height = grid.shape[2], width = grid.shape[3];
        var pooled = nn.functional.adaptive_avg_pool2d(grid.reshape(batch, 1, length, height * width), [_dim, height * width]);
        return pooled.reshape(batch, _dim / 2, 2, height * width).mean([2L]).reshape(batch, _dim / 2, height, width);
    }

    /// <summary>The official code's order of operations, kept for odd Dim (where pairs straddle the two taps).</summary>
    private Tensor EmbedAsWritten(Tensor layer2, Tensor layer3)
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
