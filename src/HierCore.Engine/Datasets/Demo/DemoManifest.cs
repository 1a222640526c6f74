using System.Text.Json;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>manifest.json: seed, generator version, counts, every defect's parameters, and a hash per file.</summary>
internal static class DemoManifest
{
    public static void Write(string path, int seed, DemoSize size, IReadOnlyList<DemoDatasetGenerator.Job> jobs,
        IReadOnlyList<DefectRecord?> records, IReadOnlyList<string> hashes)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("generator", DemoDatasetGenerator.Name);
        json.WriteNumber("version", DemoDatasetGenerator.Version);
        json.WriteNumber("seed", seed);
        json.WriteNumber("imageSize", size.ImageSize);
        json.WriteStartArray("classes");
        foreach (var group in jobs.Select((j, i) => (Job: j, Index: i)).GroupBy(x => x.Job.Class.Name))
        {
            var cls = group.First().Job.Class;
            json.WriteStartObject();
            json.WriteString("name", cls.Name);
            json.WriteString("kind", cls.IsObject ? "object" : "texture");
            json.WriteString("defectSeverity", cls.Severity.Name);
            json.WriteNumber("train", group.Count(x => x.Job.Split == Split.Train));
            json.WriteNumber("testGood", group.Count(x => x.Job.Split == Split.Test && x.Job.DefectKind is null));
            json.WriteStartObject("defects");
            foreach (var kind in cls.DefectKinds)
                json.WriteNumber(kind, group.Count(x => x.Job.DefectKind == kind));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("files");
        for (int i = 0; i < jobs.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("image", Unix(jobs[i].ImageFile));
            json.WriteString("sha256", hashes[3 * i]);
            json.WriteString("pixelsSha256", hashes[3 * i + 2]);
            if (jobs[i].MaskFile is { } mask && records[i] is { } rec)
            {
                json.WriteString("mask", Unix(mask));
                json.WriteString("maskSha256", hashes[3 * i + 1]);
                json.WriteString("defect", rec.Kind);
                json.WriteNumber("coverage", Math.Round(rec.Coverage, 6));
                json.WriteNumber("meanAbsChange", Math.Round(rec.MeanAbsChange, 6));
                json.WriteNumber("attempts", rec.Attempts);
                json.WriteStartObject("parameters");
                foreach (var (key, value) in rec.Parameters) json.WriteNumber(key, Math.Round(value, 4));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Forward slashes whatever the OS, so the manifest is byte-identical everywhere.
    private static string Unix(string relative) => relative.Replace('\\', '/');
}
