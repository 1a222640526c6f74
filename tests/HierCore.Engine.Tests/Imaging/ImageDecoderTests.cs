using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;
using HierCore.Engine.Tests.Datasets;
using SkiaSharp;

namespace HierCore.Engine.Tests.Imaging;

public sealed class ImageDecoderTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Png_round_trip_keeps_every_pixel()
    {
        var img = new RgbImage(5, 3);
        for (int i = 0; i < img.Rgb.Length; i++) img.Rgb[i] = (byte)(i * 17 % 256);
        var path = _tmp.Prepare("a.png");
        PngEncoder.Save(img, path);

        var back = ImageDecoder.Decode(path);

        Assert.Equal((5, 3), (back.Width, back.Height));
        Assert.Equal(img.Rgb, back.Rgb);
        Assert.Equal((5, 3), ImageDecoder.ReadSize(path));
    }

    [Fact]
    public void Grayscale_png_becomes_rgb_with_equal_channels()
    {
        var gray = new byte[] { 0, 10, 200, 255, 77, 128 };
        var path = _tmp.Prepare("g.png");
        PngEncoder.SaveGray(gray, 3, 2, path);

        var img = ImageDecoder.Decode(path);

        Assert.Equal(18, img.Rgb.Length);
        for (int p = 0; p < 6; p++)
            Assert.Equal([gray[p], gray[p], gray[p]], img.Rgb[(p * 3)..(p * 3 + 3)]);
    }

    [Fact]
    public void Png_with_alpha_keeps_the_colour_and_drops_alpha()
    {
        var rgba = new byte[] { 200, 100, 50, 128, 10, 20, 30, 255 };
        var info = new SKImageInfo(2, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var path = _tmp.Prepare("alpha.png");
        using (var bitmap = new SKBitmap(info))
        {
            System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
            using var data = bitmap.PeekPixels().Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.NoFilters, 1));
            File.WriteAllBytes(path, data.ToArray());
        }

        var img = ImageDecoder.Decode(path);

        Assert.Equal(new byte[] { 200, 100, 50, 10, 20, 30 }, img.Rgb);
    }

    [Fact]
    public void Text_file_named_png_is_a_dataset_error_naming_the_file()
    {
        var path = _tmp.Text("notes.png", "this is not an image");
        var ex = Assert.Throws<DatasetException>(() => ImageDecoder.Decode(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(path, Assert.Throws<DatasetException>(() => ImageDecoder.ReadSize(path)).Message);
    }

    [Fact]
    public void Empty_and_missing_files_are_dataset_errors_naming_the_file()
    {
        var empty = _tmp.Text("empty.png", "");
        Assert.Contains(empty, Assert.Throws<DatasetException>(() => ImageDecoder.Decode(empty)).Message);
        var missing = _tmp.PathOf("nope.png");
        Assert.Contains(missing, Assert.Throws<DatasetException>(() => ImageDecoder.Decode(missing)).Message);
    }

    [Fact]
    public void Truncated_png_fails_to_decode_though_its_header_reads()
    {
        var img = new RgbImage(64, 64);
        new Random(1).NextBytes(img.Rgb);                     // incompressible, so half the file is half the rows
        var bytes = PngEncoder.Encode(img);
        var path = _tmp.Prepare("cut.png");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Equal((64, 64), ImageDecoder.ReadSize(path));
        Assert.Contains(path, Assert.Throws<DatasetException>(() => ImageDecoder.Decode(path)).Message);
    }
}
