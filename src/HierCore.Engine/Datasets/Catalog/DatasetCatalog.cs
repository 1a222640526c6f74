using System.Collections.Concurrent;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;

namespace HierCore.Engine.Datasets.Catalog;

/// <summary>
/// Finds datasets by name or path, detects their layout, and generates the built-in ones on first use. Above the
/// formats and the generators (its own namespace), so those never depend back on it.
/// </summary>
public static class DatasetCatalog
{
    // Built-in generated datasets. Others (e.g. "textures") can join through RegisterGenerator.
    private static readonly ConcurrentDictionary<string, Action<string>> Generators = new(StringComparer.Ordinal)
    {
        [DemoDatasetGenerator.Name] = dir => DemoDatasetGenerator.Generate(dir),
    };
    private static readonly ConcurrentDictionary<string, object> GenerationLocks = new(StringComparer.Ordinal);

    /// <summary>Registers a generator that writes a complete dataset into the folder it is given.</summary>
    public static void RegisterGenerator(string name, Action<string> generate) => Generators[name] = generate;

    /// <summary>The layouts <see cref="DetectFormat"/> knows, as messages name them.</summary>
    public const string Layouts = "MVTec AD or VisA layout";

    /// <summary>
    /// The one layout detection: VisA when the folder has split_csv/1cls.csv, else MVTec AD when some subfolder has a
    /// train/ or test/ folder, else null (not a dataset folder).
    /// </summary>
    public static string? DetectFormat(string root) =>
        VisaLoader.LooksLike(root) ? VisaLoader.FormatName
        : MvtecLoader.LooksLike(root) ? MvtecLoader.FormatName
        : null;

    /// <summary>
    /// The dataset folders directly under <paramref name="root"/>, sorted; hidden folders (a generator's half-written
    /// temp folder) are skipped. Throws IOException/UnauthorizedAccessException when the root cannot be listed.
    /// </summary>
    public static IReadOnlyList<string> DatasetFolders(string root) =>
        [.. ImageFiles.Subfolders(root).Where(d => DetectFormat(d) is not null)];

    /// <summary>Loads the dataset at <paramref name="root"/> in the layout <see cref="DetectFormat"/> finds.</summary>
    public static AnomalyDataset Load(string root, string? name = null)
    {
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
            throw new DatasetException($"Dataset folder not found: '{root}'.");
        return DetectFormat(root) == VisaLoader.FormatName ? VisaLoader.Load(root, name) : MvtecLoader.Load(root, name);
    }

    /// <summary>
    /// What the dataset at <paramref name="root"/> holds, per class (layout only, no image decoding). A folder that
    /// fails to load comes back with its problem instead of throwing, so a listing shows it next to the good ones.
    /// </summary>
    public static DatasetInfo Describe(string root, string? name = null)
    {
        root = Path.GetFullPath(root);
        name ??= Path.GetFileName(root);
        try
        {
            var ds = Load(root, name);
            var classes = ds.Classes.Select(c =>
            {
                var train = ds.Train.Where(s => s.ClassName == c).ToList();
                var test = ds.Test.Where(s => s.ClassName == c).ToList();
                return new DatasetClassInfo(c, train.Count, test.Count(s => !s.IsAnomalous), test.Count(s => s.IsAnomalous),
                    test.Where(s => s.IsAnomalous).Select(s => s.DefectType).Distinct().Order(StringComparer.Ordinal).ToList(),
                    train.FirstOrDefault()?.ImagePath);
            }).ToList();
            return new DatasetInfo(name, root, ds.Format, classes);
        }
        catch (Exception e) when (e is DatasetException or IOException or UnauthorizedAccessException)
        {
            return new DatasetInfo(name, root, DetectFormat(root) ?? MvtecLoader.FormatName, [], e.Message);
        }
    }

    /// <summary>
    /// A name under <paramref name="datasetsDirectory"/> (generating a built-in one if missing or incomplete),
    /// or a path to a dataset folder.
    /// </summary>
    public static AnomalyDataset Resolve(string nameOrPath, string datasetsDirectory)
    {
        if (string.IsNullOrWhiteSpace(nameOrPath))
            throw new DatasetException("No dataset given: pass a dataset name or a folder path.");
        bool plainName = nameOrPath.IndexOfAny(['/', '\\']) < 0 && nameOrPath is not ("." or "..");
        if (plainName && Generators.TryGetValue(nameOrPath, out var generate))
            return Load(EnsureGenerated(nameOrPath, datasetsDirectory, generate), nameOrPath);
        if (plainName && Directory.Exists(Path.Combine(datasetsDirectory, nameOrPath)))
            return Load(Path.Combine(datasetsDirectory, nameOrPath), nameOrPath);
        if (!plainName && Directory.Exists(nameOrPath))
            return Load(nameOrPath);
        var available = Discover(datasetsDirectory);
        throw new DatasetException(
            $"Unknown dataset '{nameOrPath}'. Available in '{Path.GetFullPath(datasetsDirectory)}': " +
            $"{(available.Count == 0 ? "(none)" : string.Join(", ", available))}. " +
            $"Or give the path of a folder in {Layouts}.");
    }

    /// <summary>Dataset folders under <paramref name="datasetsDirectory"/> plus the built-in names, sorted.</summary>
    public static IReadOnlyList<string> Discover(string datasetsDirectory)
    {
        var names = new SortedSet<string>(Generators.Keys, StringComparer.Ordinal);
        if (Directory.Exists(datasetsDirectory))
            foreach (var dir in DatasetFolders(datasetsDirectory))
                names.Add(Path.GetFileName(dir)!);
        return [.. names];
    }

    /// <summary>Path of a built-in dataset, generated first unless a completed copy is already there.</summary>
    public static string EnsureGenerated(string name, string datasetsDirectory)
    {
        if (!Generators.TryGetValue(name, out var generate))
            throw new DatasetException($"'{name}' is not a generated dataset (known: {string.Join(", ", Generators.Keys.Order())}).");
        return EnsureGenerated(name, datasetsDirectory, generate);
    }

    private static string EnsureGenerated(string name, string datasetsDirectory, Action<string> generate)
    {
        var target = Path.GetFullPath(Path.Combine(datasetsDirectory, name));
        lock (GenerationLocks.GetOrAdd(target, _ => new object()))
        {
            if (!CompletedDirectory.IsComplete(target))
                CompletedDirectory.Write(target, generate, replaceComplete: false);
        }
        return target;
    }
}
