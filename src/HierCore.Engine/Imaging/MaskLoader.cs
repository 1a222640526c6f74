using HierCore.Engine.Contracts;

namespace HierCore.Engine.Imaging;

/// <summary>Loads ground-truth masks aligned with <see cref="Preprocess.ToChw"/>'s resize and crop.</summary>
public static class MaskLoader
{
    /// <summary>
    /// Returns crop² bytes, 1 = defect. Any non-zero pixel counts as defect (VisA masks use small labels, not 255).
    /// A null path (normal image) gives all zeros. Nearest-neighbour resize keeps the mask binary.
    /// </summary>
    /// <param name="imagePath">Optional, only to name the image in the size-mismatch message.</param>
    public static byte[] Load(string? maskPath, int imageWidth, int imageHeight, int resize, int crop, string? imagePath = null)
    {
        int offset = Preprocess.CropOffset(resize, crop);
        var result = new byte[crop * crop];
        if (maskPath is null) return result;
        var mask = ImageDecoder.Decode(maskPath);
        if (mask.Width != imageWidth || mask.Height != imageHeight)
            throw new DatasetException(
                $"Mask '{maskPath}' is {mask.Width}x{mask.Height} but its image{(imagePath is null ? "" : $" '{imagePath}'")} " +
                $"is {imageWidth}x{imageHeight}.");
        for (int y = 0; y < crop; y++)
        {
            int sy = NearestSource(y + offset, resize, mask.Height);
            for (int x = 0; x < crop; x++)
            {
                int i = mask.IndexOf(NearestSource(x + offset, resize, mask.Width), sy);
                bool defect = mask.Rgb[i] != 0 || mask.Rgb[i + 1] != 0 || mask.Rgb[i + 2] != 0;
                result[y * crop + x] = defect ? (byte)1 : (byte)0;
            }
        }
        return result;
    }

    // Pixel-centre mapping, as PIL's NEAREST (which torchvision uses for masks) does.
    private static int NearestSource(int dst, int dstSize, int srcSize) =>
        Math.Min(srcSize - 1, (int)((dst + 0.5) * srcSize / dstSize));
}
