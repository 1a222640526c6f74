using HierCore.Engine.Features;
using HierCore.Engine.Rendering;
using SkiaSharp;

namespace HierCore.Engine.Tests.Rendering;

public class AnomalyMapRendererTests
{
    private const int Size = 8;

    private static SKBitmap Render(byte[]? mask, float[] map, byte grey = 100)
    {
        var rgb = Enumerable.Repeat(grey, 3 * Size * Size).ToArray();
        var png = AnomalyMapRenderer.RenderPng(rgb, mask, map, Size, vmin: 0, vmax: 1);
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        return SKBitmap.Decode(png);
    }

    [Fact]
    public void Three_panels_image_mask_and_viridis_overlay()
    {
        var mask = new byte[Size * Size];
        mask[2 * Size + 3] = 255;
        var map = new float[Size * Size];
        map[5 * Size + 5] = 1;
        using var bitmap = Render(mask, map);
        Assert.Equal(3 * Size, bitmap.Width);
        Assert.Equal(Size, bitmap.Height);
        Assert.Equal(new SKColor(100, 100, 100), bitmap.GetPixel(4, 4));
        Assert.Equal(SKColors.White, bitmap.GetPixel(Size + 3, 2));
        Assert.Equal(SKColors.Black, bitmap.GetPixel(Size + 4, 2));
        // Overlay = ½ image + ½ viridis: low scores → dark purple (0x44,0x01,0x54), high → yellow (0xfd,0xe7,0x25).
        Assert.Equal(new SKColor(84, 51, 92), bitmap.GetPixel(2 * Size, 0));
        Assert.Equal(new SKColor(177, 166, 69), bitmap.GetPixel(2 * Size + 5, 5));
    }

    [Fact]
    public void Missing_mask_is_a_grey_panel_and_scores_are_clamped_to_the_scale()
    {
        var map = Enumerable.Repeat(-5f, Size * Size).ToArray();
        map[0] = 50f;
        using var bitmap = Render(null, map);
        Assert.Equal(new SKColor(128, 128, 128), bitmap.GetPixel(Size + 1, 1));
        Assert.Equal(new SKColor(177, 166, 69), bitmap.GetPixel(2 * Size, 0));
        Assert.Equal(new SKColor(84, 51, 92), bitmap.GetPixel(2 * Size + 1, 1));
    }

    [Fact]
    public void Planar_float_image_in_0_to_255_is_placed_channel_by_channel()
    {
        var chw = new float[3 * Size * Size];
        for (int i = 0; i < Size * Size; i++) { chw[i] = 255; chw[2 * Size * Size + i] = 51; }
        var png = AnomalyMapRenderer.RenderPng(chw, null, new float[Size * Size], Size, 0, 1);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(new SKColor(255, 0, 51), bitmap.GetPixel(3, 3));
    }

    [Fact]
    public void Wrong_lengths_and_empty_scale_are_clear_errors()
    {
        var rgb = new byte[3 * Size * Size];
        Assert.Contains("map", Assert.Throws<ArgumentException>(() => AnomalyMapRenderer.RenderPng(rgb, null, new float[3], Size, 0, 1)).Message);
        Assert.Contains("vmax", Assert.Throws<ArgumentException>(() => AnomalyMapRenderer.RenderPng(rgb, null, new float[Size * Size], Size, 1, 1)).Message);
    }
}
