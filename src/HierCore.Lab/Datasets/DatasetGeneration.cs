using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets.Textures;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Datasets;

/// <summary>What to generate: "demo" (synthetic objects and textures) or "textures" (from the installed ufoai-textures).</summary>
public sealed record GenerateRequest(string Kind, string Name, int ImageSize = 256, int Train = 60, int TestGood = 10, int TestDefective = 20, int Seed = 0)
{
    public static readonly IReadOnlyList<string> Kinds = [DemoDatasetGenerator.Name, TexturesGenerator.Name];
}

public enum GenerationStatus { Running, Succeeded, Failed }

/// <summary>One generation in the background; Done/Total are -1 while the generator reports no progress.</summary>
public sealed class GenerationJob(string id, GenerateRequest request)
{
    public string Id { get; } = id;
    public GenerateRequest Request { get; } = request;
    public DateTime StartedAt { get; } = DateTime.UtcNow;
    public GenerationStatus Status { get; internal set; } = GenerationStatus.Running;
    public int Done { get; internal set; } = -1;
    public int Total { get; internal set; } = -1;
    public string? Error { get; internal set; }
}

/// <summary>
/// Generates datasets into data/datasets from the browser or the API, one at a time, in the background. The
/// generators write atomically (temp folder, then rename), so the Datasets page lists a dataset only when it is
/// complete — and then at once: the catalog re-scans its roots every few seconds.
/// </summary>
public sealed partial class DatasetGeneration(LabPaths paths, ILogger<DatasetGeneration> log)
{
    readonly ConcurrentDictionary<string, GenerationJob> _jobs = new();
    readonly SemaphoreSlim _oneAtATime = new(1, 1); // 2 cores: a generation beside a run is enough

    public IReadOnlyList<GenerationJob> Jobs => [.. _jobs.Values.OrderByDescending(j => j.StartedAt)];

    public event Action? Changed;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex ValidName();

    /// <summary>The problems with a request (each names the field), before anything starts.</summary>
    public IReadOnlyList<string> Validate(GenerateRequest r)
    {
        var errors = new List<string>();
        if (!GenerateRequest.Kinds.Contains(r.Kind)) errors.Add($"kind: use {string.Join(" or ", GenerateRequest.Kinds)} (got '{r.Kind}').");
        if (!ValidName().IsMatch(r.Name ?? "")) errors.Add($"name: lower-case letters, digits, - and _, up to 40 (got '{r.Name}').");
        else if (Directory.Exists(Path.Combine(paths.DatasetsDirectory, r.Name!)) || _jobs.Values.Any(j => j.Status == GenerationStatus.Running && j.Request.Name == r.Name))
            errors.Add($"name: a dataset '{r.Name}' already exists under {paths.DatasetsDirectory}.");
        if (r.ImageSize is < 64 or > 1024) errors.Add("image_size: between 64 and 1024.");
        if (r.Train is < 2 or > 1000) errors.Add("train: between 2 and 1000 images per class.");
        if (r.TestGood is < 1 or > 500) errors.Add("test_good: between 1 and 500 images per class.");
        if (r.TestDefective is < 1 or > 500) errors.Add("test_defective: between 1 and 500 per class (textures: per defect type).");
        if (r.Kind == TexturesGenerator.Name && TexturesSource.Locate() is null)
            errors.Add($"kind: textures needs the {TexturesSource.PackageName} package ({TexturesSource.InstalledPk3Path}); apt-get install {TexturesSource.PackageName}.");
        return errors;
    }

    /// <summary>Starts a valid request; the job to follow.</summary>
    public GenerationJob Start(GenerateRequest request)
    {
        var job = new GenerationJob(Guid.NewGuid().ToString("N")[..12], request);
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        Changed?.Invoke();
        return job;
    }

    async Task RunAsync(GenerationJob job)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            var r = job.Request;
            var target = Path.Combine(paths.DatasetsDirectory, r.Name);
            var progress = new Engine.Contracts.InlineProgress<(int done, int total)>(p => { job.Done = p.done; job.Total = p.total; Changed?.Invoke(); });
            if (r.Kind == DemoDatasetGenerator.Name)
                DemoDatasetGenerator.Generate(target, r.Seed, new DemoSize(r.ImageSize, r.Train, r.TestGood, r.TestDefective));
            else
                TexturesGenerator.Generate(new TexturesOptions(TexturesSource.Locate()!, target, r.Seed, r.ImageSize)
                    { TrainPerClass = r.Train, TestGoodPerClass = r.TestGood, DefectsPerType = r.TestDefective }, progress);
            job.Status = GenerationStatus.Succeeded;
            log.LogInformation("Generated dataset {Name} ({Kind}) in {Seconds:F1} s.", r.Name, r.Kind, (DateTime.UtcNow - job.StartedAt).TotalSeconds);
        }
        catch (Exception e)
        {
            job.Status = GenerationStatus.Failed;
            job.Error = e.Message;
            log.LogError(e, "Generating dataset {Name} failed.", job.Request.Name);
        }
        finally
        {
            _oneAtATime.Release();
            Changed?.Invoke();
        }
    }
}
