using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Records;

/// <summary>
/// At start-up, removes run folders under data/artifacts whose run no longer exists (a deletion interrupted after
/// its database commit). Only folders named by a run id are considered; a folder of a live run is never touched.
/// </summary>
public sealed class OrphanArtifactSweeper(IDbContextFactory<LabDbContext> dbs, LabPaths paths, ILogger<OrphanArtifactSweeper> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await SweepAsync(ct);
        FittedModels.RemoveStalePending(paths, TimeSpan.FromHours(1));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The folders removed.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken ct = default)
    {
        var candidates = Directory.EnumerateDirectories(paths.ArtifactsDirectory)
            .Select(d => (Folder: d, Run: ArtifactFolders.RunOf(d))).Where(x => x.Run is not null).ToList();
        if (candidates.Count == 0) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var removed = new List<string>();
        foreach (var chunk in candidates.Chunk(500))
        {
            var ids = chunk.Select(c => c.Run!.Value).ToList();
            var live = (await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
            foreach (var (folder, run) in chunk.Where(c => !live.Contains(c.Run!.Value)))
            {
                try { Directory.Delete(folder, recursive: true); removed.Add(folder); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Could not remove orphan {Folder}.", folder); }
            }
        }
        if (removed.Count > 0) log.LogInformation("Removed {Count} artifact folder(s) of runs that no longer exist.", removed.Count);
        return removed;
    }
}
