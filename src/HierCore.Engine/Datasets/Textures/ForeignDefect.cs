using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// `foreign`: an elliptic piece of another class's photo (from that class's test band, so no other
/// class's training pixels leak in), rescaled by ρ and blended: out = β·base + (1−β)·foreign, β ∈ [0, 0.5].
/// </summary>
internal static class ForeignDefect
{
    public static DefectDraw Draw(TextureLibrary library, ClassSource own, RgbImage baseImage, SplitMix64 rng)
    {
        var n = baseImage.Width;
        var others = library.Classes.Where(c => !ReferenceEquals(c, own)).ToList();
        var other = others[rng.NextInt(others.Count)];
        var photo = other.Photos[rng.NextInt(other.Photos.Count)];

        var area = rng.Uniform(0.02, 0.12) * n * n;
        var aspect = rng.Uniform(0.5, 1.0);
        var major = Math.Sqrt(area / (Math.PI * aspect));
        var minor = major * aspect;
        var (dx, dy) = rng.NextDirection();
        double cx = rng.Uniform(0.15, 0.85) * n, cy = rng.Uniform(0.15, 0.85) * n;
        var box = 2 * (int)Math.Ceiling(major) + 3;

        var region = photo.TestRegion;
        var rescale = rng.Uniform(0.6, 1.6);
        var side = (int)Math.Round(box * other.Definition.SourceScale * rescale);
        side = Math.Clamp(side, 4, Math.Min(region.Width, region.Height)); // shrink ρ when the band is too narrow
        var window = new PixelRect(region.X + rng.NextInt(region.Width - side + 1), region.Y + rng.NextInt(region.Height - side + 1), side, side);
        var piece = Resampler.Resample(photo.Pixels, window, box, box);
        var beta = rng.Uniform(0, 0.5);

        var image = baseImage.Clone();
        var mask = new bool[n * n];
        var half = box / 2;
        for (var y = 0; y < n; y++)
        for (var x = 0; x < n; x++)
        {
            double px = x - cx, py = y - cy;
            var u = (dx * px + dy * py) / major;
            var v = (-dy * px + dx * py) / minor;
            if (u * u + v * v > 1) continue;
            var bx = Math.Clamp((int)Math.Round(px) + half, 0, box - 1);
            var by = Math.Clamp((int)Math.Round(py) + half, 0, box - 1);
            var i = piece.Index(bx, by);
            var o = image.Index(x, y);
            for (var c = 0; c < 3; c++) image.Data[o + c] = (float)(beta * baseImage.Data[o + c] + (1 - beta) * piece.Data[i + c]);
            mask[y * n + x] = true;
        }
        return new DefectDraw(image, mask, new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["foreignClass"] = other.Name, ["foreignPhoto"] = photo.Entry, ["foreignWindow"] = window,
            ["rescale"] = side / (box * other.Definition.SourceScale), ["centerX"] = cx, ["centerY"] = cy,
            ["semiMajor"] = major, ["semiMinor"] = minor, ["directionX"] = dx, ["directionY"] = dy, ["beta"] = beta,
        });
    }
}
