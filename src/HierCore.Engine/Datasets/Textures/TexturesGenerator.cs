using System.Security.Cryptography;
using HierCore.Engine.Contracts;
using HierCore.Engine.Randomness;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// Builds the `textures` benchmark (DATA-FORMATS.md §7.2): real photographs from ufoai-textures with synthetic
/// defects, in MVTec AD layout plus manifest.json. Same seed → same bytes: every image has its own
/// SplitMix64 stream keyed by its path, so images can be made in parallel without changing a byte.
/// </summary>
public static class TexturesGenerator
{
    /// <summary>The dataset's name under data/datasets and the generator's name in the CLI and the Lab.</summary>
    public const string Name = "textures";
    public const string Version = "2.0.0"; // 2: iid split (default) beside the bands split
    public const string CompletionMarker = ".complete";

    /// <summary>True when <paramref name="directory"/> holds a finished generation (marker written last).</summary>
    public static bool IsComplete(string directory) => File.Exists(Path.Combine(directory, CompletionMarker));

    public static TexturesReport Generate(TexturesOptions o, IProgress<(int done, int total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Validate();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var output = Path.GetFullPath(o.OutputDirectory);
        if (Directory.Exists(output) && !IsComplete(output) && Directory.EnumerateFileSystemEntries(output).Any())
            throw new DatasetException($"Output folder '{output}' exists, is not empty and is not a finished textures dataset; refusing to overwrite it.");

        TextureLibrary library;
        using (var archive = TexturesSource.Open(o.Source))
            library = TextureLibrary.Load(archive, o);

        var jobs = PlanJobs(o, library);
        var parent = Path.GetDirectoryName(output) ?? throw new DatasetException($"Output folder '{output}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.partial-{Guid.NewGuid():N}");
        try
        {
            var images = new ManifestImage[jobs.Count];
            var done = 0;
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                images[i] = TextureSampleFactory.Write(library, jobs[i], o.Seed, staging);
                progress?.Report((Interlocked.Increment(ref done), jobs.Count));
            });
            var manifest = TexturesManifest.Write(o, library, images);
            File.WriteAllBytes(Path.Combine(staging, TexturesManifest.FileName), manifest);
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true); // a finished old run (checked above)
            Directory.Move(staging, output);
            var manifestSha = Convert.ToHexStringLower(SHA256.HashData(manifest));
            File.WriteAllText(Path.Combine(output, CompletionMarker), manifestSha + "\n");
            return new TexturesReport(output, library.Classes.Select(c => c.Name).ToList(), images.Length, manifestSha, started.Elapsed);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static List<SampleJob> PlanJobs(TexturesOptions o, TextureLibrary library)
    {
        var jobs = new List<SampleJob>();
        foreach (var cls in library.Classes)
        {
            var classJobs = new List<SampleJob>();
            for (var i = 0; i < o.TrainPerClass; i++) classJobs.Add(new(cls, "train", "good", i));
            for (var i = 0; i < o.TestGoodPerClass; i++) classJobs.Add(new(cls, "test", "good", i));
            foreach (var defect in DefectSynthesizer.DefectTypes)
                for (var i = 0; i < o.DefectsPerType; i++) classJobs.Add(new(cls, "test", defect, i));
            // iid: the cells were shuffled, so taking them in job order draws train and test crops from all photos alike.
            if (cls.Placements is { } crops)
                classJobs = classJobs.Select((job, k) => job with { Placement = crops[k] }).ToList();
            jobs.AddRange(classJobs);
        }
        return jobs;
    }
}
