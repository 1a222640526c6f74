using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// A decoded source photo split into two spatially disjoint bands along its longer side: train crops come
/// from the first band, every test image (good or defective) from the second. A gap separates them so
/// that no resampled pixel of one split sees the other split's pixels.
/// </summary>
internal sealed record SourcePhoto(string Entry, RgbImage Pixels, PixelRect TrainRegion, PixelRect TestRegion, string Sha256)
{
    public const int Gap = 8;

    public static SourcePhoto Split(string entry, RgbImage pixels, int cropSize, string className, string sha256)
    {
        var horizontal = pixels.Width >= pixels.Height;
        var length = horizontal ? pixels.Width : pixels.Height;
        var across = horizontal ? pixels.Height : pixels.Width;
        // Test band: a third of the photo, but wide enough for some positional variety.
        var testLength = Math.Max((length + 2) / 3, cropSize + 16);
        var trainLength = length - testLength - Gap;
        if (across < cropSize || trainLength < cropSize || testLength > length)
            throw new DatasetException(
                $"Texture class '{className}': photo '{entry}' ({pixels.Width}x{pixels.Height}) is too small for disjoint " +
                $"train/test crops of {cropSize} source pixels; lower the class's SourceScale or the ImageSize.");
        return horizontal
            ? new(entry, pixels, new(0, 0, trainLength, across), new(trainLength + Gap, 0, testLength, across), sha256)
            : new(entry, pixels, new(0, 0, across, trainLength), new(0, trainLength + Gap, across, testLength), sha256);
    }
}

/// <summary>A class with its decoded photos and crop size in source pixels.</summary>
internal sealed record ClassSource(TextureClass Definition, int CropSize, IReadOnlyList<SourcePhoto> Photos)
{
    public string Name => Definition.Name;
}

/// <summary>Every photo the generator needs, decoded once.</summary>
internal sealed record TextureLibrary(int ImageSize, IReadOnlyList<ClassSource> Classes, IReadOnlyList<SourcePhoto> StainPhotos)
{
    public static TextureLibrary Load(TextureArchive archive, TextureCatalog catalog, int imageSize)
    {
        var missing = catalog.Classes.SelectMany(c => c.Entries.Select(e => (Owner: $"class '{c.Name}'", Entry: e)))
            .Concat(catalog.StainSources.Select(e => (Owner: "stain sources", Entry: e)))
            .Where(x => !archive.Contains(x.Entry)).ToList();
        if (missing.Count > 0)
            throw new DatasetException($"The texture archive ({archive.SourceDescription}) lacks " +
                                       string.Join("; ", missing.Select(m => $"'{m.Entry}' ({m.Owner})")) + ".");

        var cache = new Dictionary<string, (RgbImage Pixels, string Sha)>(StringComparer.Ordinal);
        (RgbImage, string) Decode(string entry)
        {
            if (!cache.TryGetValue(entry, out var hit))
            {
                var bytes = archive.ReadEntry(entry);
                hit = (TextureCodec.DecodeRgb(bytes, $"{entry} ({archive.SourceDescription})"), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                cache[entry] = hit;
            }
            return hit;
        }

        var classes = catalog.Classes.Select(c =>
        {
            var cropSize = (int)Math.Round(imageSize * c.SourceScale);
            var photos = c.Entries.Select(e =>
            {
                var (pixels, sha) = Decode(e);
                return SourcePhoto.Split(e, pixels, cropSize, c.Name, sha);
            }).ToList();
            return new ClassSource(c, cropSize, photos);
        }).ToList();
        var stains = catalog.StainSources.Select(e =>
        {
            var (pixels, sha) = Decode(e);
            var full = new PixelRect(0, 0, pixels.Width, pixels.Height);
            return new SourcePhoto(e, pixels, full, full, sha);
        }).ToList();
        return new TextureLibrary(imageSize, classes, stains);
    }
}
