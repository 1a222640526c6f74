using System.Text.Json;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>One written image as recorded in manifest.json (paths relative to the dataset root, '/'-separated).</summary>
internal sealed record ManifestImage(
    string File,
    string? MaskFile,
    string ClassName,
    string Split,
    string DefectType,
    CropRecord Crop,
    DefectResult? Defect,
    string Sha256,
    string? MaskSha256);

/// <summary>
/// Writes manifest.json with Utf8JsonWriter so that key order and number formatting (shortest round-trip)
/// are fixed: the manifest is part of what must be byte-identical for a seed. No absolute paths go in.
/// </summary>
internal static class TexturesManifest
{
    public const string FileName = "manifest.json";

    public static byte[] Write(TexturesOptions options, TextureLibrary library, IReadOnlyList<ManifestImage> images)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("generator", "HierCore.Engine.Datasets.Textures");
            w.WriteString("version", TexturesGenerator.Version);
            w.WriteNumber("seed", options.Seed);
            w.WriteString("split", TexturesOptions.Name(options.Split));
            w.WriteNumber("imageSize", options.ImageSize);
            w.WriteNumber("trainPerClass", options.TrainPerClass);
            w.WriteNumber("testGoodPerClass", options.TestGoodPerClass);
            w.WriteNumber("defectsPerType", options.DefectsPerType);
            w.WriteString("sourcePackage", TexturesSource.PackageName);
            w.WriteNumber("noiseSigma", NormalSampler.NoiseSigma);
            w.WriteStartObject("validity");
            w.WriteNumber("minCoverage", DefectSynthesizer.MinCoverage);
            w.WriteNumber("maxCoverage", DefectSynthesizer.MaxCoverage);
            w.WriteNumber("minMeanAbsChange", DefectSynthesizer.MinMeanAbsChange);
            w.WriteEndObject();
            WriteClasses(w, library);
            w.WriteStartArray("stainSources");
            foreach (var s in library.StainPhotos) WritePhoto(w, s, withRegions: false);
            w.WriteEndArray();
            w.WriteStartArray("images");
            foreach (var image in images) WriteImage(w, image);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteClasses(Utf8JsonWriter w, TextureLibrary library)
    {
        w.WriteStartArray("classes");
        foreach (var c in library.Classes)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteNumber("sourceScale", c.Definition.SourceScale);
            w.WriteNumber("cropSize", c.CropSize);
            w.WriteBoolean("allowFlips", c.Definition.AllowFlips);
            w.WriteStartArray("photos");
            foreach (var p in c.Photos) WritePhoto(w, p, withRegions: true);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WritePhoto(Utf8JsonWriter w, SourcePhoto p, bool withRegions)
    {
        w.WriteStartObject();
        w.WriteString("entry", p.Entry);
        w.WriteNumber("width", p.Pixels.Width);
        w.WriteNumber("height", p.Pixels.Height);
        w.WriteString("sha256", p.Sha256);
        if (withRegions)
        {
            WriteRect(w, "trainRegion", p.TrainRegion);
            WriteRect(w, "testRegion", p.TestRegion);
        }
        w.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter w, ManifestImage m)
    {
        w.WriteStartObject();
        w.WriteString("file", m.File);
        if (m.MaskFile is not null) w.WriteString("mask", m.MaskFile);
        w.WriteString("class", m.ClassName);
        w.WriteString("split", m.Split);
        w.WriteString("defect", m.DefectType);
        w.WriteString("photo", m.Crop.Photo);
        WriteRect(w, "crop", m.Crop.Crop);
        w.WriteBoolean("flipH", m.Crop.FlipH);
        w.WriteBoolean("flipV", m.Crop.FlipV);
        if (m.Defect is { } d)
        {
            w.WriteNumber("attempts", d.Attempts);
            w.WriteNumber("coverage", d.Coverage);
            w.WriteNumber("meanAbsChange", d.MeanAbsChange);
            w.WriteStartObject("parameters");
            foreach (var (key, value) in d.Parameters) WriteValue(w, key, value);
            w.WriteEndObject();
        }
        w.WriteString("sha256", m.Sha256);
        if (m.MaskSha256 is not null) w.WriteString("maskSha256", m.MaskSha256);
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string key, object value)
    {
        switch (value)
        {
            case double v: w.WriteNumber(key, v); break;
            case int v: w.WriteNumber(key, v); break;
            case bool v: w.WriteBoolean(key, v); break;
            case string v: w.WriteString(key, v); break;
            case PixelRect r: WriteRect(w, key, r); break;
            default: throw new InvalidOperationException($"Manifest parameter '{key}' has unsupported type {value.GetType().Name}.");
        }
    }

    private static void WriteRect(Utf8JsonWriter w, string key, PixelRect r)
    {
        w.WriteStartObject(key);
        w.WriteNumber("x", r.X);
        w.WriteNumber("y", r.Y);
        w.WriteNumber("width", r.Width);
        w.WriteNumber("height", r.Height);
        w.WriteEndObject();
    }
}
