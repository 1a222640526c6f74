using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// `scratch`: CutPaste-scar (Li et al. 2021). A thin axis-aligned strip is cut from elsewhere in the same
/// image, brightened or darkened, rotated to a random direction and pasted. The mask is exactly the
/// pixels whose centres fall inside the pasted strip.
/// </summary>
internal static class ScratchDefect
{
    public static DefectDraw Draw(RgbImage baseImage, SplitMix64 rng)
    {
        var n = baseImage.Width;
        var length = rng.Uniform(0.25, 0.6) * n;
        var width = Math.Max(1.5, rng.Uniform(2, 5) * n / 256.0);
        double cx = rng.Uniform(0.2, 0.8) * n, cy = rng.Uniform(0.2, 0.8) * n;
        var (dx, dy) = rng.NextDirection();
        // Source strip lies horizontally inside the image, at another place.
        double sx = rng.Uniform(length / 2 + 1, n - length / 2 - 1), sy = rng.Uniform(width / 2 + 1, n - width / 2 - 1);
        var gain = 1 + (rng.NextBool() ? 1 : -1) * rng.Uniform(0.12, 0.35);

        var image = baseImage.Clone();
        var mask = new bool[n * n];
        Span<float> rgb = stackalloc float[3];
        for (var y = 0; y < n; y++)
        for (var x = 0; x < n; x++)
        {
            double px = x - cx, py = y - cy;
            var u = dx * px + dy * py;
            var v = -dy * px + dx * py;
            if (Math.Abs(u) > length / 2 || Math.Abs(v) > width / 2) continue;
            baseImage.Sample(sx + u, sy + v, rgb);
            var o = image.Index(x, y);
            for (var c = 0; c < 3; c++) image.Data[o + c] = (float)(rgb[c] * gain);
            mask[y * n + x] = true;
        }
        return new DefectDraw(image, mask, new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["length"] = length, ["width"] = width, ["centerX"] = cx, ["centerY"] = cy,
            ["directionX"] = dx, ["directionY"] = dy, ["sourceX"] = sx, ["sourceY"] = sy, ["gain"] = gain,
        });
    }
}
