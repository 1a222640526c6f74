using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>Artifacts as files under data/artifacts (SQLite: web and worker share one machine and one data folder).</summary>
public sealed class FileArtifactStore(LabPaths paths, IDbContextFactory<LabDbContext> dbs) : IArtifactStore
{
    public async Task<List<Artifact>> PrepareAsync(RunId id, int attempt, RunResult result, CancellationToken ct)
    {
        var dir = Full(ArtifactLayout.AttemptFolder(id, attempt));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(Path.Combine(dir, "maps"));
        var rows = new List<Artifact>();
        foreach (var (row, bytes) in ArtifactLayout.Of(id, attempt, result))
        {
            await File.WriteAllBytesAsync(Full(row.RelativePath), bytes, ct);
            rows.Add(row);
        }
        return rows;
    }

    public void Committed(RunId id, int attempt)
    {
        var runDir = Full(ArtifactLayout.RunFolder(id));
        if (!Directory.Exists(runDir)) return;
        foreach (var old in Directory.EnumerateDirectories(runDir, "a*").Where(d => Path.GetFileName(d) != $"a{attempt}"))
            try { Directory.Delete(old, recursive: true); } catch (IOException) { } // best effort: never fails a stored run
    }

    public void Discard(RunId id, int attempt)
    {
        var runDir = Full(ArtifactLayout.RunFolder(id));
        try
        {
            var dir = Full(ArtifactLayout.AttemptFolder(id, attempt));
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            if (Directory.Exists(runDir) && !Directory.EnumerateFileSystemEntries(runDir).Any()) Directory.Delete(runDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Only files inside data/artifacts, checked twice: the path as written (no ../, no absolute path), then where
    /// it really leads once symbolic links are followed (a link in there to /etc/passwd or data/hiercore.db is refused).
    /// </summary>
    public Task<ArtifactContent?> OpenAsync(string relativePath, CancellationToken ct)
    {
        var full = paths.ResolveUnderData(relativePath);
        if (full is null || !full.StartsWith(paths.ArtifactsDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !RealPath.IsInside(full, paths.ArtifactsDirectory) || !File.Exists(full))
            return Task.FromResult<ArtifactContent?>(null);
        Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return Task.FromResult<ArtifactContent?>(new ArtifactContent(stream, Path.GetFileName(full)));
    }

    /// <summary>Sizes on disk of each run's folder (every attempt it kept), added up per sweep.</summary>
    public async Task<IReadOnlyDictionary<SweepId, long>> BytesPerSweepAsync(SweepId? sweep, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = sweep is { } only ? db.Runs.Where(r => r.SweepId == only) : db.Runs;
        var runs = await query.AsNoTracking().Select(r => new { r.Id, r.SweepId }).ToListAsync(ct);
        return runs.GroupBy(r => r.SweepId)
            .Select(g => (g.Key, Bytes: g.Sum(r => Records.ArtifactFolders.Bytes(Records.ArtifactFolders.Of(paths, r.Id)))))
            .Where(s => s.Bytes > 0).ToDictionary(s => s.Key, s => s.Bytes);
    }

    private string Full(string relative) => Path.Combine(paths.DataDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
}
