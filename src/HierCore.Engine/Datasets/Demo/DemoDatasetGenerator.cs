using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Imaging;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Demo;

/// <summary>
/// The built-in "demo" dataset: six procedural classes (stripes, grid, woven, noise textures; disc and rod objects)
/// in MVTec AD layout with exact masks. Same seed and size → identical bytes on any machine. Version 2: the classes
/// sit on different normal score scales (regular ones low with fine defects; busy `noise` and varied `woven` high
/// with coarse defects), so one global threshold fails as it does on real product lines.
/// </summary>
public static class DemoDatasetGenerator
{
    public const string Name = "demo";
    public const int Version = 2;

    /// <summary>Generates into <paramref name="outputDirectory"/> atomically (temp folder, completion marker, rename).</summary>
    public static void Generate(string outputDirectory, int seed = 0, DemoSize? size = null) =>
        CompletedDirectory.Write(outputDirectory, dir => WriteFiles(dir, seed, size));

    /// <summary>Writes the dataset files into an existing folder, with manifest.json last.</summary>
    public static void WriteFiles(string directory, int seed = 0, DemoSize? size = null)
    {
        size ??= DemoSize.Default;
        var jobs = PlanJobs(seed, size);
        var records = new DefectRecord?[jobs.Count];
        // Per job: PNG hash, mask PNG hash, and a hash of the raw RGB pixels. PNG bytes depend on the zlib inside
        // Skia's native library; the pixel hash pins the content whatever encoder wrote it.
        var hashes = new string[jobs.Count * 3];
        foreach (var file in jobs.SelectMany(j => j.MaskFile is null ? [j.ImageFile] : new[] { j.ImageFile, j.MaskFile }))
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, file))!);
        // Each image depends only on its own seed, so the parallel loop cannot change any byte.
        Parallel.For(0, jobs.Count, i =>
        {
            var job = jobs[i];
            var sample = DemoRenderer.Render(job.Class, job.ImageSeed, job.DefectKind, size.ImageSize);
            var png = PngEncoder.Encode(sample.Image);
            File.WriteAllBytes(Path.Combine(directory, job.ImageFile), png);
            hashes[3 * i] = Sha256(png);
            hashes[3 * i + 2] = Sha256(sample.Image.Rgb);
            if (job.MaskFile is not null)
            {
                var maskPng = PngEncoder.EncodeGray(sample.Mask!, size.ImageSize, size.ImageSize);
                File.WriteAllBytes(Path.Combine(directory, job.MaskFile), maskPng);
                hashes[3 * i + 1] = Sha256(maskPng);
            }
            records[i] = sample.Defect;
        });
        DemoManifest.Write(Path.Combine(directory, "manifest.json"), seed, size, jobs, records, hashes);
    }

    internal sealed record Job(DemoClass Class, Split Split, ulong ImageSeed, string? DefectKind, string ImageFile, string? MaskFile);

    internal static IReadOnlyList<Job> PlanJobs(int seed, DemoSize size)
    {
        if (size.ImageSize < 32) throw new ArgumentOutOfRangeException(nameof(size), size.ImageSize, "ImageSize must be at least 32.");
        if (size.Train < 1 || size.TestGood < 0 || size.TestDefective < 0 || size.TestGood + size.TestDefective < 1)
            throw new ArgumentOutOfRangeException(nameof(size), size, "Need at least one train and one test image per class.");
        var unknown = size.Classes?.Except(DemoSize.AllClasses).ToList() ?? [];
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown demo classes: {string.Join(", ", unknown)} (known: {string.Join(", ", DemoSize.AllClasses)}).", nameof(size));
        var jobs = new List<Job>();
        for (int c = 0; c < DemoClass.All.Count; c++)
        {
            var cls = DemoClass.All[c];
            if (size.Classes is not null && !size.Classes.Contains(cls.Name)) continue;
            // Seeds use the class's index in the full list, so a subset has the same images as the full dataset.
            ulong Seed(int group, int index) => SplitMix64.Hash((ulong)seed, c, group, index);
            for (int i = 0; i < size.Train; i++)
                jobs.Add(new Job(cls, Split.Train, Seed(0, i), null, Path.Combine(cls.Name, "train", "good", $"{i:000}.png"), null));
            for (int i = 0; i < size.TestGood; i++)
                jobs.Add(new Job(cls, Split.Test, Seed(1, i), null, Path.Combine(cls.Name, "test", "good", $"{i:000}.png"), null));
            for (int k = 0; k < cls.DefectKinds.Count; k++)
            {
                var kind = cls.DefectKinds[k];
                // Split the defective images as evenly as possible, earlier kinds taking the remainder.
                int count = size.TestDefective / cls.DefectKinds.Count + (k < size.TestDefective % cls.DefectKinds.Count ? 1 : 0);
                for (int i = 0; i < count; i++)
                    jobs.Add(new Job(cls, Split.Test, Seed(2 + k, i), kind, Path.Combine(cls.Name, "test", kind, $"{i:000}.png"),
                        Path.Combine(cls.Name, "ground_truth", kind, $"{i:000}_mask.png")));
            }
        }
        return jobs;
    }

    /// <summary>The defect-free rendering behind test image <c>&lt;class&gt;/test/&lt;defect&gt;/&lt;index&gt;.png</c> (for mask tests).</summary>
    internal static RgbImage RenderClean(int seed, string className, string defectKind, int index, DemoSize size)
    {
        var file = Path.Combine(className, "test", defectKind, $"{index:000}.png");
        var job = PlanJobs(seed, size).Single(j => j.ImageFile == file);
        return DemoRenderer.Render(job.Class, job.ImageSeed, job.DefectKind, size.ImageSize).Clean;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
