using SkiaSharp;

namespace HierCore.Engine.Rendering;

/// <summary>
/// Renders one test image as three size×size panels side by side: the image, the ground-truth mask (white =
/// defect; mid-grey when there is no mask), and the anomaly map in viridis blended 50 % over the image.
/// The colour scale is fixed by (vmin, vmax) so maps of one run are comparable across images.
/// </summary>
public static class AnomalyMapRenderer
{
    private const double OverlayAlpha = 0.5;
    private const byte NoMaskGrey = 128;

    /// <summary>
    /// Image as planar RGB floats [3, size, size] (channel-major), values in [0, <paramref name="pixelMax"/>]
    /// (255 for the backbone's 0–255 input; pass 1 for [0, 1] images).
    /// </summary>
    public static byte[] RenderPng(float[] rgbChw, byte[]? mask, float[] map, int size, double vmin, double vmax, float pixelMax = 255f)
    {
        ArgumentNullException.ThrowIfNull(rgbChw);
        CheckLength(rgbChw.Length, 3 * size * size, nameof(rgbChw), size);
        if (!(pixelMax > 0)) throw new ArgumentOutOfRangeException(nameof(pixelMax), pixelMax, "AnomalyMapRenderer: pixelMax must be positive.");
        int plane = size * size;
        var rgb = new byte[3 * plane];
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < 3; c++)
                rgb[3 * i + c] = (byte)Math.Clamp(Math.Round(rgbChw[c * plane + i] / pixelMax * 255.0), 0, 255);
        return RenderPng(rgb, mask, map, size, vmin, vmax);
    }

    /// <summary>Image as interleaved RGB bytes [size, size, 3].</summary>
    public static byte[] RenderPng(byte[] imageRgb, byte[]? mask, float[] map, int size, double vmin, double vmax)
    {
        ArgumentNullException.ThrowIfNull(imageRgb);
        ArgumentNullException.ThrowIfNull(map);
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "AnomalyMapRenderer: size must be positive.");
        CheckLength(imageRgb.Length, 3 * size * size, nameof(imageRgb), size);
        CheckLength(map.Length, size * size, nameof(map), size);
        if (mask is not null) CheckLength(mask.Length, size * size, nameof(mask), size);
        if (!(vmax > vmin)) throw new ArgumentException($"AnomalyMapRenderer: vmax ({vmax}) must exceed vmin ({vmin}).", nameof(vmax));

        int width = 3 * size;
        var rgba = new byte[width * size * 4];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int p = y * size + x;
                byte r = imageRgb[3 * p], g = imageRgb[3 * p + 1], b = imageRgb[3 * p + 2];
                Put(rgba, width, x, y, r, g, b);
                byte m = mask is null ? NoMaskGrey : mask[p] != 0 ? (byte)255 : (byte)0;
                Put(rgba, width, size + x, y, m, m, m);
                var heat = Viridis.At((map[p] - vmin) / (vmax - vmin));
                Put(rgba, width, 2 * size + x, y, Blend(r, heat.R), Blend(g, heat.G), Blend(b, heat.B));
            }
        return EncodePng(rgba, width, size);
    }

    private static byte[] EncodePng(byte[] rgba, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var image = SKImage.FromPixelCopy(info, rgba, width * 4)
            ?? throw new InvalidOperationException("AnomalyMapRenderer: SkiaSharp could not wrap the pixel buffer.");
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("AnomalyMapRenderer: SkiaSharp could not encode the PNG.");
        return data.ToArray();
    }

    private static void Put(byte[] rgba, int width, int x, int y, byte r, byte g, byte b)
    {
        int o = (y * width + x) * 4;
        rgba[o] = r; rgba[o + 1] = g; rgba[o + 2] = b; rgba[o + 3] = 255;
    }

    private static byte Blend(byte image, byte heat) => (byte)Math.Round((1 - OverlayAlpha) * image + OverlayAlpha * heat, MidpointRounding.AwayFromZero);

    private static void CheckLength(int actual, int expected, string parameter, int size)
    {
        if (actual != expected)
            throw new ArgumentException($"AnomalyMapRenderer: {parameter} has {actual} values, expected {expected} for size {size}.", parameter);
    }
}
