using HierCore.Engine.Contracts;
using SkiaSharp;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>SkiaSharp decode/encode at the edges of the generator; everything in between is plain C#.</summary>
internal static class TextureCodec
{
    public static RgbImage DecodeRgb(byte[] encoded, string name)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded))
            ?? throw new DatasetException($"'{name}' is not an image SkiaSharp can decode.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new DatasetException($"'{name}' failed to decode: {result}.");
        var rgba = bitmap.Bytes;
        var image = new RgbImage(info.Width, info.Height);
        for (int p = 0, q = 0; p < rgba.Length; p += 4, q += 3)
        {
            image.Data[q] = rgba[p];
            image.Data[q + 1] = rgba[p + 1];
            image.Data[q + 2] = rgba[p + 2];
        }
        return image;
    }

    public static RgbImage DecodeRgbFile(string path) => DecodeRgb(File.ReadAllBytes(path), path);

    /// <summary>Opaque 8-bit RGB PNG (Skia writes colour type 2 for opaque Rgba8888 input).</summary>
    public static byte[] EncodeRgbPng(byte[] rgb, int width, int height)
    {
        var rgba = new byte[width * height * 4];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgba[p] = rgb[q];
            rgba[p + 1] = rgb[q + 1];
            rgba[p + 2] = rgb[q + 2];
            rgba[p + 3] = 255;
        }
        return Encode(rgba, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
    }

    /// <summary>8-bit greyscale PNG, the MVTec AD mask format.</summary>
    public static byte[] EncodeGrayPng(byte[] gray, int width, int height) =>
        Encode(gray, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));

    /// <summary>Decodes a greyscale (or any) PNG to one byte per pixel (the red channel).</summary>
    public static byte[] DecodeGrayFile(string path)
    {
        var rgb = DecodeRgbFile(path);
        var gray = new byte[rgb.Width * rgb.Height];
        for (var i = 0; i < gray.Length; i++) gray[i] = (byte)rgb.Data[i * 3];
        return gray;
    }

    private static byte[] Encode(byte[] pixels, SKImageInfo info)
    {
        using var bitmap = new SKBitmap();
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(pixels, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            bitmap.InstallPixels(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {info.Width}x{info.Height} {info.ColorType} PNG.");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
