using static TorchSharp.torch;

namespace HierCore.Engine.Backbones;

/// <summary>
/// CNTK pads asymmetrically (conv1 [3,3,2,2], stride-2 3×3 convs and the max pool [1,1,0,0]). A window
/// padded symmetrically with the begin pads starts at the same input offsets, so its outputs coincide with
/// CNTK's; it may only produce extra trailing rows/columns (odd input sizes), which are cropped here.
/// For even sizes such as 224 nothing is cropped.
/// </summary>
internal static class AsymmetricWindow
{
    public static WindowSpec EnsureSupported(WindowSpec window, string owner)
    {
        for (var d = 0; d < 2; d++)
        {
            if (window.PadsEnd[d] > window.PadsBegin[d])
                throw new NotSupportedException(
                    $"{owner}: end padding {window.PadsEnd[d]} larger than begin padding {window.PadsBegin[d]} is not supported.");
        }
        return window;
    }

    public static Tensor Crop(Tensor output, Tensor input, WindowSpec window)
    {
        var height = window.OutputSize(0, input.shape[2]);
        var width = window.OutputSize(1, input.shape[3]);
        if (output.shape[2] == height && output.shape[3] == width) return output;
        return output.narrow(2, 0, height).narrow(3, 0, width);
    }
}
