using HierCore.Lab.Hosting;

namespace HierCore.Lab.Datasets;

/// <summary>
/// Lists MVTec-layout folders (class/train/good, class/test/*) under the dataset roots. Only counts files;
/// loading, validation and the demo generator belong to the engine's DatasetCatalog, which replaces this
/// listing at merge (EngineRegistration.cs).
/// </summary>
public sealed class FolderDatasetCatalog(LabPaths paths, ILogger<FolderDatasetCatalog> log) : IDatasetCatalog
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp"];

    public IReadOnlyList<DatasetInfo> List() =>
        paths.DatasetRoots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateDirectories(root))
            .Select(Describe).OfType<DatasetInfo>()
            .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public Task EnsureDemoAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(paths.DatasetsDirectory, "demo")))
            log.LogWarning("The demo dataset is missing and its generator (engine DatasetCatalog) is not wired into this build.");
        return Task.CompletedTask;
    }

    private static DatasetInfo? Describe(string dir)
    {
        var classes = Directory.EnumerateDirectories(dir)
            .Where(c => Directory.Exists(Path.Combine(c, "train", "good")))
            .OrderBy(c => c, StringComparer.Ordinal)
            .Select(DescribeClass).ToList();
        return classes.Count == 0 ? null : new DatasetInfo(Path.GetFileName(dir), dir, "mvtec", classes);
    }

    private static DatasetClassInfo DescribeClass(string classDir)
    {
        var train = Images(Path.Combine(classDir, "train", "good"));
        var testDir = Path.Combine(classDir, "test");
        var defects = Directory.Exists(testDir)
            ? Directory.EnumerateDirectories(testDir).Select(Path.GetFileName).OfType<string>().Where(d => d != "good").Order().ToList()
            : [];
        var testGood = Images(Path.Combine(testDir, "good")).Count;
        var testBad = defects.Sum(d => Images(Path.Combine(testDir, d)).Count);
        return new DatasetClassInfo(Path.GetFileName(classDir), train.Count, testGood, testBad, defects, train.FirstOrDefault());
    }

    private static List<string> Images(string dir) => Directory.Exists(dir)
        ? Directory.EnumerateFiles(dir).Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList()
        : [];
}
