using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// `patch`: rectangular CutPaste (Li et al. 2021). A rectangle of 2–15 % of the image is cut from a
/// non-overlapping place of the same image, turned by a multiple of 90°, colour-jittered and pasted.
/// The quarter turn is what makes a same-texture patch visible on oriented surfaces (brick, wood, bark).
/// </summary>
internal static class PatchDefect
{
    public static DefectDraw? Draw(RgbImage baseImage, SplitMix64 rng)
    {
        var n = baseImage.Width;
        var area = rng.Uniform(0.02, 0.15) * n * n;
        var aspect = Math.Exp(rng.Uniform(Math.Log(0.4), Math.Log(2.5)));
        var w = Math.Clamp((int)Math.Round(Math.Sqrt(area * aspect)), 4, n / 2);
        var h = Math.Clamp((int)Math.Round(area / w), 4, n / 2);
        var quarterTurns = rng.NextInt(4);
        var (sw, sh) = quarterTurns % 2 == 0 ? (w, h) : (h, w);
        var dest = new PixelRect(rng.NextInt(n - w + 1), rng.NextInt(n - h + 1), w, h);
        PixelRect? source = null;
        for (var i = 0; i < 32 && source is null; i++)
        {
            var s = new PixelRect(rng.NextInt(n - sw + 1), rng.NextInt(n - sh + 1), sw, sh);
            if (!s.Intersects(dest)) source = s;
        }
        if (source is not { } src) return null; // the caller redraws

        var gain = 1 + (rng.NextBool() ? 1 : -1) * rng.Uniform(0.05, 0.25);
        double[] channelGain = [gain + rng.Uniform(-0.05, 0.05), gain + rng.Uniform(-0.05, 0.05), gain + rng.Uniform(-0.05, 0.05)];

        var image = baseImage.Clone();
        var mask = new bool[n * n];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            // Rotate destination offset (x, y) back into the source rectangle.
            var (ux, uy) = quarterTurns switch
            {
                0 => (x, y),
                1 => (y, w - 1 - x),
                2 => (w - 1 - x, h - 1 - y),
                _ => (h - 1 - y, x),
            };
            var i = baseImage.Index(src.X + ux, src.Y + uy);
            var o = image.Index(dest.X + x, dest.Y + y);
            for (var c = 0; c < 3; c++) image.Data[o + c] = (float)(baseImage.Data[i + c] * channelGain[c]);
            mask[(dest.Y + y) * n + dest.X + x] = true;
        }
        return new DefectDraw(image, mask, new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["target"] = dest, ["source"] = src, ["quarterTurns"] = quarterTurns,
            ["gainR"] = channelGain[0], ["gainG"] = channelGain[1], ["gainB"] = channelGain[2],
        });
    }
}
