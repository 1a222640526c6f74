using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets.Demo;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Datasets;

/// <summary>
/// The engine's DatasetCatalog over the Lab's dataset roots (data/datasets first, then Lab:DatasetRoots).
/// Listing describes each folder with the engine's DatasetCatalog (layout only, no image decoding), so a broken
/// dataset shows its problem on the Datasets page instead of failing a run later. The listing is kept a few seconds: the thumbnail endpoint
/// and the sweep form ask for it often.
/// </summary>
public sealed class EngineDatasetCatalog(LabPaths paths, TimeProvider clock, ILogger<EngineDatasetCatalog> log) : IDatasetCatalog
{
    private static readonly TimeSpan ListingLifetime = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private (DateTimeOffset At, string Roots, IReadOnlyList<DatasetInfo> Items)? _listing;

    public IReadOnlyList<DatasetInfo> List()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            // A dataset added or removed under a root changes that root's modification time: the listing is then
            // stale at once (a dataset generated from the page shows without waiting out the lifetime).
            var roots = RootsStamp();
            if (_listing is { } l && now - l.At < ListingLifetime && l.Roots == roots) return l.Items;
            var items = Scan();
            _listing = (now, roots, items);
            return items;
        }
    }

    private string RootsStamp() => string.Join('|', paths.DatasetRoots.Select(r =>
        Directory.Exists(r) ? Directory.GetLastWriteTimeUtc(r).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"));

    public DatasetChoice Resolve(string nameOrPath)
    {
        var text = nameOrPath?.Trim() ?? "";
        if (text.Length == 0) return DatasetChoice.Fail("Dataset: choose a dataset.");
        if (text.Length > 1000) return DatasetChoice.Fail("Dataset: the name or path is too long.");
        bool plainName = text.IndexOfAny(['/', '\\']) < 0 && text is not ("." or "..");
        if (plainName)
        {
            if (text == DemoDatasetGenerator.Name) return new(text, text, null); // generated on first use
            var found = Find(d => string.Equals(d.Name, text, StringComparison.OrdinalIgnoreCase));
            if (found is null)
                return DatasetChoice.Fail($"Dataset: '{text}' is not a known dataset ({string.Join(", ", KnownNames())}).");
            return found.Problem is null ? new(found.Name, SpecDataset(found), null) : DatasetChoice.Fail($"Dataset: {found.Problem}");
        }

        string full;
        try { full = Path.GetFullPath(text); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        { return DatasetChoice.Fail($"Dataset: '{text}' is not a valid folder path."); }
        full = Path.TrimEndingDirectorySeparator(full);
        if (!Path.IsPathRooted(text) || !paths.DatasetRoots.Any(r => IsInside(full, r)))
            return DatasetChoice.Fail($"Dataset: '{text}' is outside the dataset roots ({string.Join(", ", paths.DatasetRoots)}); " +
                                      "add its parent folder to Lab:DatasetRoots to use it.");
        var info = Find(d => d.Root == full);
        if (info is null) return DatasetChoice.Fail($"Dataset: '{full}' is not a dataset folder in {DatasetCatalog.Layouts}.");
        return info.Problem is null ? new(info.Name, SpecDataset(info), null) : DatasetChoice.Fail($"Dataset: {info.Problem}");
    }

    public Task EnsureDemoAsync(CancellationToken cancellationToken) => Task.Run(() =>
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var dir = DatasetCatalog.EnsureGenerated(DemoDatasetGenerator.Name, paths.DatasetsDirectory);
        lock (_gate) _listing = null;
        log.LogInformation("Demo dataset ready in {Dir} ({Seconds:F1} s).", dir, sw.Elapsed.TotalSeconds);
    }, cancellationToken);

    /// <summary>From the kept listing, or from a fresh one when it is not there (a folder copied in just now).</summary>
    private DatasetInfo? Find(Func<DatasetInfo, bool> match)
    {
        if (List().FirstOrDefault(match) is { } found) return found;
        lock (_gate) _listing = null;
        return List().FirstOrDefault(match);
    }

    private IEnumerable<string> KnownNames() =>
        List().Where(d => d.Problem is null).Select(d => d.Name).Append(DemoDatasetGenerator.Name).Distinct().Order();

    /// <summary>Datasets in data/datasets go by name (so a moved repository still finds them); others by folder.</summary>
    private string SpecDataset(DatasetInfo d) =>
        Path.GetDirectoryName(d.Root) == Path.TrimEndingDirectorySeparator(paths.DatasetsDirectory) ? d.Name : d.Root;

    private List<DatasetInfo> Scan()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<DatasetInfo>();
        foreach (var root in paths.DatasetRoots.Where(Directory.Exists))
        {
            IReadOnlyList<string> folders;
            try { folders = DatasetCatalog.DatasetFolders(root); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Cannot list {Root}.", root); continue; }
            foreach (var dir in folders)
            {
                var name = Path.GetFileName(dir);
                if (!seen.Add(name)) { log.LogWarning("Dataset {Dir} has the same name as one listed earlier; skipped.", dir); continue; }
                list.Add(DatasetCatalog.Describe(dir, name));
            }
        }
        return list.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    internal static bool IsInside(string full, string root)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal);
    }
}
