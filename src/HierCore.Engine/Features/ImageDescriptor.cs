using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Image descriptor g(x) (METHOD.md §2.4): global average of the layer3 tap, L2-normalised. HierCore groups
/// and routes images with it, by cosine similarity, so unit length makes cosine a plain dot product.
/// </summary>
public static class ImageDescriptor
{
    // An all-zero layer3 (a black image after ReLU can do it) must not become NaN: divide by max(‖v‖, eps).
    private const double NormFloor = 1e-12;

    /// <summary>layer3 [B, C, h, w] float32 → [B, C], each row of unit L2 norm (or zero if the input is zero).</summary>
    public static Tensor Compute(Tensor layer3)
    {
        ArgumentNullException.ThrowIfNull(layer3);
        if (layer3.dim() != 4)
            throw new ArgumentException($"ImageDescriptor: layer3 must be 4-d [B,C,h,w], got [{string.Join(",", layer3.shape)}].", nameof(layer3));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var mean = layer3.mean([2L, 3L]);
        var normalised = nn.functional.normalize(mean, p: 2.0, dim: 1, eps: NormFloor);
        return normalised.contiguous().MoveToOuterDisposeScope();
    }
}
