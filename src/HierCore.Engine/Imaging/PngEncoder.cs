using SkiaSharp;

namespace HierCore.Engine.Imaging;

/// <summary>
/// PNG writing with fixed encoder settings and no metadata chunks, so the same pixels always give the same bytes
/// (the generated datasets promise byte-identical files for a seed).
/// </summary>
public static class PngEncoder
{
    private static readonly SKPngEncoderOptions Options = new(SKPngEncoderFilterFlags.Sub, 3);

    public static byte[] Encode(RgbImage img)
    {
        var info = new SKImageInfo(img.Width, img.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        return EncodePixels(info, Preprocess.ToRgba(img));
    }

    public static void Save(RgbImage img, string path) => File.WriteAllBytes(path, Encode(img));

    public static byte[] EncodeGray(byte[] gray, int w, int h)
    {
        if (gray.Length != w * h)
            throw new ArgumentException($"Gray buffer has {gray.Length} bytes, expected {w}x{h} = {w * h}.", nameof(gray));
        return EncodePixels(new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque), gray);
    }

    public static void SaveGray(byte[] gray, int w, int h, string path) => File.WriteAllBytes(path, EncodeGray(gray, w, h));

    private static unsafe byte[] EncodePixels(SKImageInfo info, byte[] pixels)
    {
        fixed (byte* p = pixels)
        {
            using var pixmap = new SKPixmap(info, (nint)p, info.RowBytes);
            using var data = pixmap.Encode(Options)
                ?? throw new InvalidOperationException($"Skia could not encode a {info.Width}x{info.Height} PNG.");
            return data.ToArray();
        }
    }
}
