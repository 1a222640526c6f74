using SkiaSharp;

namespace HierCore.Engine.Tests.Backbones;

/// <summary>
/// A deterministic, natural-looking test image: a diagonal colour gradient, overlapping antialiased shapes
/// and per-pixel noise, returned as RGB CHW float planes with values 0..255.
/// </summary>
internal static class SyntheticScene
{
    public static float[] RgbChw(int seed, int size = 224)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using (var background = new SKPaint())
            {
                background.Shader = SKShader.CreateLinearGradient(
                    new SKPoint(0, 0), new SKPoint(size, size), [RandomColour(random), RandomColour(random)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, size, size, background);
            }
            for (var i = 0; i < 14; i++) DrawShape(canvas, random, size);
        }

        var pixels = bitmap.GetPixelSpan();
        var plane = size * size;
        var chw = new float[3 * plane];
        for (var p = 0; p < plane; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                var noisy = pixels[4 * p + c] + (float)(random.NextDouble() - 0.5) * 24f;
                chw[c * plane + p] = Math.Clamp(noisy, 0f, 255f);
            }
        }
        return chw;
    }

    private static void DrawShape(SKCanvas canvas, Random random, int size)
    {
        using var paint = new SKPaint
        {
            Color = RandomColour(random),
            IsAntialias = true,
            Style = random.Next(3) == 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
            StrokeWidth = 2 + random.Next(8),
        };
        float X() => (float)random.NextDouble() * size;
        float Extent() => 10 + (float)random.NextDouble() * size / 3;
        switch (random.Next(4))
        {
            case 0: canvas.DrawCircle(X(), X(), Extent() / 2, paint); break;
            case 1: canvas.DrawRect(X(), X(), Extent(), Extent(), paint); break;
            case 2: canvas.DrawOval(X(), X(), Extent() / 2, Extent() / 4, paint); break;
            default: canvas.DrawLine(X(), X(), X(), X(), paint); break;
        }
    }

    private static SKColor RandomColour(Random random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
