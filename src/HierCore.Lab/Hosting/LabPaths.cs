using HierCore.Engine.Contracts;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>Absolute locations of the runtime state under data/.</summary>
public sealed class LabPaths
{
    public LabPaths(IHostEnvironment env, IOptions<LabOptions> options)
    {
        Root = env.ContentRootPath;
        DataDirectory = Path.GetFullPath(Path.Combine(Root, options.Value.DataDirectory));
        Layout = new DataLayout(DataDirectory);
        DatasetsDirectory = Layout.Datasets;
        ArtifactsDirectory = Path.Combine(DataDirectory, "artifacts");
        // data/datasets (where generated datasets go) is always a root; config adds more (e.g. a MVTec AD copy).
        DatasetRoots = [DatasetsDirectory, .. options.Value.DatasetRoots.Select(r => Path.GetFullPath(Path.Combine(Root, r)))];
        DatasetRoots = DatasetRoots.Distinct().ToList();
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(DatasetsDirectory);
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    public string Root { get; }
    public string DataDirectory { get; }
    /// <summary>The engine's folders under data/ (datasets, feature cache, bank store, pending models).</summary>
    public DataLayout Layout { get; }
    public string DatasetsDirectory { get; }
    public string ArtifactsDirectory { get; }
    public List<string> DatasetRoots { get; private set; }
    public string DatabaseFile => Path.Combine(DataDirectory, "hiercore.db");
    public string HangfireFile => Path.Combine(DataDirectory, "hangfire.db");

    /// <summary>Resolves a path relative to data/; null when it would leave data/ (traversal, absolute path).</summary>
    public string? ResolveUnderData(string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative)) return null;
        var full = Path.GetFullPath(Path.Combine(DataDirectory, relative));
        var prefix = DataDirectory.EndsWith(Path.DirectorySeparatorChar) ? DataDirectory : DataDirectory + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
