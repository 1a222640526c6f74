using HierCore.Lab.Data;
using HierCore.Lab.Hosting;

namespace HierCore.Lab.Records;

/// <summary>Where a run's files live with the file store (see ArtifactLayout) and how much they weigh (IArtifactStore.BytesPerSweepAsync adds them up per sweep).</summary>
public static class ArtifactFolders
{
    public static string Of(LabPaths paths, RunId id) => Path.Combine(paths.DataDirectory, Jobs.ArtifactLayout.RunFolder(id));

    /// <summary>The run id a folder under data/artifacts belongs to, or null for anything else.</summary>
    public static RunId? RunOf(string folder) =>
        Guid.TryParseExact(Path.GetFileName(folder), "N", out var g) ? new RunId(g) : null;

    /// <summary>Bytes of every file below the folder (0 when it does not exist).</summary>
    public static long Bytes(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        try { return new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }
}
