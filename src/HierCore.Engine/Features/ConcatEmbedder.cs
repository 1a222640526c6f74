using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// <c>concat</c> embedding (METHOD.md §2.3, default): 3×3 average pool (stride 1, pad 1) on each tap,
/// layer3 upsampled bilinearly onto layer2's grid, channels concatenated → D = C2 + C3 (384 for ResNet18).
/// </summary>
/// <remarks>
/// count_include_pad = true: patchcore-inspection unfolds with zero padding and then averages the 9 slots,
/// so a border patch is divided by 9, not by the number of in-image neighbours. Keeping that makes this
/// embedding the linear-algebra analogue of the official one (border cells are damped the same way).
/// The pool runs before the upsampling, as in PatchCore: neighbourhoods are 3×3 in each tap's own grid.
/// </remarks>
public sealed class ConcatEmbedder(int layer2Channels = 128, int layer3Channels = 256)
    : PatchEmbedder(layer2Channels, layer3Channels)
{
    public const string EmbeddingName = "concat";

    public override string Name => EmbeddingName;

    public override int Dim => Layer2Channels + Layer3Channels;

    protected override Tensor EmbedCore(Tensor layer2, Tensor layer3)
    {
        var local2 = LocalAverage(layer2);
        var local3 = UpsampleTo(LocalAverage(layer3), layer2.shape[2], layer2.shape[3]);
        return ToPatchRows(cat([local2, local3], dim: 1));
    }

    private static Tensor LocalAverage(Tensor grid) =>
        nn.functional.avg_pool2d(grid, kernel_size: 3, stride: 1, padding: 1, ceil_mode: false, count_include_pad: true);
}
