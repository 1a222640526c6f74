using SkiaSharp;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>Writes a tiny MVTec-layout dataset (a few 32×32 PNGs per class) for the Datasets page.</summary>
public static class TinyDataset
{
    public static void Write(string root, string name, IReadOnlyList<string> classes)
    {
        for (var c = 0; c < classes.Count; c++)
        {
            var dir = Path.Combine(root, name, classes[c]);
            foreach (var (sub, count) in new[] { ("train/good", 3), ("test/good", 2), ("test/crack", 2) })
            {
                Directory.CreateDirectory(Path.Combine(dir, sub));
                for (var i = 0; i < count; i++)
                {
                    File.WriteAllBytes(Path.Combine(dir, sub, $"{i:D3}.png"), Png(c, sub.EndsWith("crack")));
                    if (!sub.EndsWith("crack")) continue;
                    // MVTec layout: every defective image has its mask (the engine's catalog checks).
                    Directory.CreateDirectory(Path.Combine(dir, "ground_truth", "crack"));
                    File.WriteAllBytes(Path.Combine(dir, "ground_truth", "crack", $"{i:D3}_mask.png"), Png(c, true));
                }
            }
        }
    }

    private static byte[] Png(int cls, bool defect)
    {
        using var bitmap = new SKBitmap(32, 32);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)(50 + 60 * cls), 110, (byte)(200 - 50 * cls)));
            using var paint = new SKPaint { Color = SKColors.White };
            for (var x = 0; x < 32; x += 8) canvas.DrawRect(x, 0, 3, 32, paint);
            if (defect) { paint.Color = SKColors.Black; canvas.DrawCircle(16, 16, 5, paint); }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}
