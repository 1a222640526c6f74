using HierCore.Engine.Imaging;

namespace HierCore.Engine.Tests.Imaging;

public sealed class PreprocessTests
{
    private static readonly (byte R, byte G, byte B)[] Quadrants = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)];

    /// <summary>64×64: top-left red, top-right green, bottom-left blue, bottom-right white.</summary>
    private static RgbImage FourQuadrants()
    {
        var img = new RgbImage(64, 64);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++)
            {
                var c = Quadrants[(y < 32 ? 0 : 2) + (x < 32 ? 0 : 1)];
                (img.Rgb[img.IndexOf(x, y)], img.Rgb[img.IndexOf(x, y) + 1], img.Rgb[img.IndexOf(x, y) + 2]) = c;
            }
        return img;
    }

    [Fact]
    public void Resize_and_centre_crop_keep_quadrant_colours_in_place_in_chw_planes()
    {
        var chw = Preprocess.ToChw(FourQuadrants(), resize: 32, crop: 16);

        Assert.Equal(3 * 16 * 16, chw.Length);
        // The 16² crop of the 32² resize is its middle: each quadrant is an 8×8 corner of the crop.
        (int X, int Y)[] probes = [(2, 2), (13, 2), (2, 13), (13, 13)];
        for (int q = 0; q < 4; q++)
        {
            int i = probes[q].Y * 16 + probes[q].X;
            Assert.Equal(Quadrants[q].R, chw[i], 0.5);
            Assert.Equal(Quadrants[q].G, chw[256 + i], 0.5);
            Assert.Equal(Quadrants[q].B, chw[512 + i], 0.5);
        }
    }

    [Fact]
    public void Same_size_crop_only_reorders_to_chw()
    {
        var img = new RgbImage(4, 4);
        for (int i = 0; i < img.Rgb.Length; i++) img.Rgb[i] = (byte)i;
        var chw = Preprocess.ToChw(img, resize: 4, crop: 2);
        // Offset 1: crop pixel (0,0) is image pixel (1,1), index 5 → bytes 15,16,17.
        Assert.Equal(new float[] { 15, 18, 27, 30 }, chw[..4]);
        Assert.Equal(new float[] { 16, 19, 28, 31 }, chw[4..8]);
        Assert.Equal(new float[] { 17, 20, 29, 32 }, chw[8..12]);
    }

    [Fact]
    public void Downscale_is_antialiased_not_point_sampled()
    {
        // A one-pixel checkerboard shrunk 3×: point sampling would give pure 0/255, an averaging resize ~128.
        var img = new RgbImage(96, 96);
        for (int y = 0; y < 96; y++)
            for (int x = 0; x < 96; x++)
                img.Rgb[img.IndexOf(x, y)] = img.Rgb[img.IndexOf(x, y) + 1] = img.Rgb[img.IndexOf(x, y) + 2] = (byte)((x + y) % 2 * 255);

        var chw = Preprocess.ToChw(img, resize: 32, crop: 32);

        Assert.All(chw, v => Assert.InRange(v, 64f, 192f));
    }

    [Theory]
    [InlineData(256, 224, 16)]
    [InlineData(5, 2, 2)]   // (5-2)/2 = 1.5 rounds to even 2, as torchvision's round() does
    [InlineData(3, 2, 0)]   // 0.5 rounds to even 0
    [InlineData(10, 10, 0)]
    public void Crop_offset_rounds_like_torchvision(int resize, int crop, int expected) =>
        Assert.Equal(expected, Preprocess.CropOffset(resize, crop));

    [Fact]
    public void Crop_larger_than_resize_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Preprocess.ToChw(new RgbImage(4, 4), 4, 5));
}
