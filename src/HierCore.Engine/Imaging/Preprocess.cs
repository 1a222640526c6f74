using SkiaSharp;

namespace HierCore.Engine.Imaging;

/// <summary>The PatchCore input pipeline: resize to a square, centre crop, float CHW.</summary>
public static class Preprocess
{
    /// <summary>
    /// Resizes to <paramref name="resize"/>² (bilinear with mipmaps, so a large downscale is antialiased like
    /// torchvision's Resize), centre-crops <paramref name="crop"/>² and returns float32 CHW RGB in 0..255.
    /// Mean subtraction is left to the backbone, which knows its own constants.
    /// </summary>
    public static float[] ToChw(RgbImage img, int resize, int crop)
    {
        var resized = Resize(img, resize, resize);
        int offset = CropOffset(resize, crop);
        int plane = crop * crop;
        var chw = new float[3 * plane];
        for (int y = 0; y < crop; y++)
        {
            int row = ((y + offset) * resize + offset) * 3;
            for (int x = 0; x < crop; x++)
            {
                int src = row + x * 3, dst = y * crop + x;
                chw[dst] = resized.Rgb[src];
                chw[plane + dst] = resized.Rgb[src + 1];
                chw[2 * plane + dst] = resized.Rgb[src + 2];
            }
        }
        return chw;
    }

    /// <summary>Top/left offset of a centre crop, rounded like torchvision's CenterCrop (banker's rounding).</summary>
    public static int CropOffset(int resize, int crop)
    {
        if (resize <= 0) throw new ArgumentOutOfRangeException(nameof(resize), resize, "resize must be positive.");
        if (crop <= 0 || crop > resize)
            throw new ArgumentOutOfRangeException(nameof(crop), crop, $"crop must be in 1..resize ({resize}).");
        return (int)Math.Round((resize - crop) / 2.0, MidpointRounding.ToEven);
    }

    /// <summary>High-quality bilinear resize through Skia (linear filter plus linear mipmaps).</summary>
    public static unsafe RgbImage Resize(RgbImage img, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (img.Width == width && img.Height == height) return img;
        var srcInfo = new SKImageInfo(img.Width, img.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var dstInfo = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var srcRgba = ToRgba(img);
        var dstRgba = new byte[dstInfo.BytesSize];
        fixed (byte* s = srcRgba)
        fixed (byte* d = dstRgba)
        {
            using var src = new SKPixmap(srcInfo, (nint)s, srcInfo.RowBytes);
            using var dst = new SKPixmap(dstInfo, (nint)d, dstInfo.RowBytes);
            if (!src.ScalePixels(dst, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)))
                throw new InvalidOperationException($"Skia could not resize {img.Width}x{img.Height} to {width}x{height}.");
        }
        return new RgbImage(width, height, FromRgba(dstRgba, width * height));
    }

    internal static byte[] ToRgba(RgbImage img)
    {
        var rgba = new byte[img.Width * img.Height * 4];
        for (int p = 0, q = 0; q < img.Rgb.Length; p += 4, q += 3)
        {
            rgba[p] = img.Rgb[q];
            rgba[p + 1] = img.Rgb[q + 1];
            rgba[p + 2] = img.Rgb[q + 2];
            rgba[p + 3] = 255;
        }
        return rgba;
    }

    private static byte[] FromRgba(byte[] rgba, int pixels)
    {
        var rgb = new byte[pixels * 3];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
        return rgb;
    }
}
