using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// `stain`: an elliptic blob whose rim is roughened by fractal Perlin noise (the noise plus a radial
/// falloff is thresholded at 0), filled with a foreign photo and blended as in DRAEM:
/// out = β·base + (1−β)·foreign inside the mask, β ∈ [0, 0.8].
/// </summary>
internal static class StainDefect
{
    public static DefectDraw Draw(TextureLibrary library, RgbImage baseImage, SplitMix64 rng)
    {
        var n = baseImage.Width;
        double cx = rng.Uniform(0.15, 0.85) * n, cy = rng.Uniform(0.15, 0.85) * n;
        var radius = rng.Uniform(0.07, 0.2) * n;
        var aspect = rng.Uniform(0.45, 1.0);
        var (dx, dy) = rng.NextDirection();
        var roughness = rng.Uniform(0.3, 0.8);
        var wavelength = rng.Uniform(0.05, 0.18) * n;
        var noise = new PerlinNoise(rng);

        var mask = new bool[n * n];
        for (var y = 0; y < n; y++)
        for (var x = 0; x < n; x++)
        {
            double px = x - cx, py = y - cy;
            var u = dx * px + dy * py;
            var v = (-dy * px + dx * py) / aspect;
            var falloff = 1 - Math.Sqrt(u * u + v * v) / radius;
            mask[y * n + x] = falloff + roughness * noise.Fbm(x / wavelength, y / wavelength, 3) > 0;
        }

        var photo = library.StainPhotos[rng.NextInt(library.StainPhotos.Count)];
        var scale = rng.Uniform(0.6, 1.5);
        var window = RandomWindow(photo.Pixels, (int)Math.Round(n * scale), rng);
        var fill = Resampler.Resample(photo.Pixels, window, n, n);
        var beta = rng.Uniform(0, 0.8);

        var image = baseImage.Clone();
        for (var p = 0; p < mask.Length; p++)
        {
            if (!mask[p]) continue;
            for (var c = 0; c < 3; c++)
                image.Data[p * 3 + c] = (float)(beta * baseImage.Data[p * 3 + c] + (1 - beta) * fill.Data[p * 3 + c]);
        }
        return new DefectDraw(image, mask, new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["centerX"] = cx, ["centerY"] = cy, ["radius"] = radius, ["aspect"] = aspect,
            ["directionX"] = dx, ["directionY"] = dy, ["roughness"] = roughness, ["wavelength"] = wavelength,
            ["fillPhoto"] = photo.Entry, ["fillWindow"] = window, ["beta"] = beta,
        });
    }

    /// <summary>A square window of the requested side (shrunk to fit) at a random position.</summary>
    public static PixelRect RandomWindow(RgbImage photo, int side, SplitMix64 rng)
    {
        side = Math.Clamp(side, 8, Math.Min(photo.Width, photo.Height));
        return new PixelRect(rng.NextInt(photo.Width - side + 1), rng.NextInt(photo.Height - side + 1), side, side);
    }
}
