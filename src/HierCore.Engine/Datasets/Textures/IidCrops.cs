using HierCore.Engine.Contracts;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// Crop positions for the i.i.d. split: every photo of a class is tiled with cells of (crop + gap + jitter)
/// pixels at a random offset, each crop sits at a random position inside its own cell, and the cells of all the
/// class's photos are shuffled before train, test-good and defect images take them in turn. So no two crops
/// share a pixel (nor any pixel within <see cref="SourcePhoto.Gap"/> of each other, which resampling could
/// reach), and train and test crops come from the same photos at random places.
/// </summary>
internal static class IidCrops
{
    /// <summary>Free play of a crop inside its cell, in source pixels.</summary>
    public const int Jitter = 8;

    static int Cell(int crop) => crop + SourcePhoto.Gap + Jitter;

    public static int Capacity(IEnumerable<RgbImage> photos, int crop) =>
        photos.Sum(p => (p.Width / Cell(crop)) * (p.Height / Cell(crop)));

    /// <summary>
    /// The largest crop (source pixels, at most the class's SourceScale × image size) of which the photos hold
    /// <paramref name="needed"/>; below half the image size the upsampling would blur the texture, so that is an error.
    /// </summary>
    public static int CropSize(TextureClass c, IReadOnlyList<RgbImage> photos, int imageSize, int needed)
    {
        var largest = (int)Math.Round(imageSize * c.SourceScale);
        var smallest = Math.Min(largest, Math.Max(16, imageSize / 2));
        for (var s = largest; s >= smallest; s--)
            if (Capacity(photos, s) >= needed) return s;
        throw new DatasetException(
            $"Texture class '{c.Name}': its {photos.Count} photo(s) hold at most {Capacity(photos, smallest)} non-overlapping crops of " +
            $"{smallest} source pixels (half the image size, the most upsampling allowed) but {needed} are needed; " +
            "lower --train, --test-good or --defects-per-type.");
    }

    /// <summary>Non-overlapping crops of the class in a random order; the first <paramref name="count"/> are used.</summary>
    public static IReadOnlyList<(SourcePhoto Photo, PixelRect Crop)> Place(ClassSource cls, int count, int seed)
    {
        var rng = SplitMix64.ForKey(seed, $"iid-crops/{cls.Name}");
        var s = cls.CropSize;
        var cell = Cell(s);
        var slots = new List<(SourcePhoto, PixelRect)>();
        foreach (var photo in cls.Photos)
        {
            int w = photo.Pixels.Width, h = photo.Pixels.Height, nx = w / cell, ny = h / cell;
            int ox = rng.NextInt(w - nx * cell + 1), oy = rng.NextInt(h - ny * cell + 1);
            for (var gy = 0; gy < ny; gy++)
            for (var gx = 0; gx < nx; gx++)
                slots.Add((photo, new PixelRect(ox + gx * cell + rng.NextInt(Jitter + 1), oy + gy * cell + rng.NextInt(Jitter + 1), s, s)));
        }
        if (slots.Count < count)
            throw new DatasetException($"Texture class '{cls.Name}': {slots.Count} non-overlapping crops of {s} px fit its photos; {count} are needed.");
        for (var i = slots.Count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (slots[i], slots[j]) = (slots[j], slots[i]);
        }
        return slots.Take(count).ToArray();
    }
}
