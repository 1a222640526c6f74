using HierCore.Engine.Contracts;
using SkiaSharp;

namespace HierCore.Engine.Imaging;

/// <summary>Decodes image files with SkiaSharp. Any failure becomes a <see cref="DatasetException"/> naming the file.</summary>
public static class ImageDecoder
{
    // Guards against decompression bombs: the largest real inputs (MVTec, VisA) are about 1.5k x 2k.
    internal const long MaxPixels = 100_000_000;

    public static RgbImage Decode(string path)
    {
        using var codec = OpenCodec(path);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        // Unpremultiplied RGBA keeps the colour of semi-transparent pixels; grey and palette inputs are expanded by Skia.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        var result = codec.GetPixels(info, rgba);
        // IncompleteInput means a truncated file: Skia fills the rest, which would silently train on garbage.
        if (result != SKCodecResult.Success)
            throw new DatasetException($"Cannot decode image '{path}': {result} (corrupt or truncated file).");
        var rgb = new byte[width * height * 3];
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
        return new RgbImage(width, height, rgb);
    }

    /// <summary>Reads only the header: cheap enough to check every mask against its image before a run.</summary>
    public static (int Width, int Height) ReadSize(string path)
    {
        using var codec = OpenCodec(path);
        return (codec.Info.Width, codec.Info.Height);
    }

    private static SKCodec OpenCodec(string path)
    {
        if (!File.Exists(path))
            throw new DatasetException($"Image file not found: '{path}'.");
        if (new FileInfo(path).Length == 0)
            throw new DatasetException($"Cannot decode image '{path}': the file is empty.");
        var codec = SKCodec.Create(path, out var result)
            ?? throw new DatasetException($"Cannot decode image '{path}': not a supported image ({result}).");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
        {
            codec.Dispose();
            throw new DatasetException($"Image '{path}' has an unsupported size {info.Width}x{info.Height}.");
        }
        return codec;
    }
}
