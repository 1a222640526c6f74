using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Records;

/// <summary>What deleting a sweep removes: shown in the confirmation and returned by the API.</summary>
public sealed record DeletionPlan(SweepId Id, string Name, int Runs, int Active, long Bytes);

/// <summary>
/// Deletes a sweep with its runs (their results, metrics included), log and artifact folders. Active runs are cancelled first; then the
/// rows go in one transaction (a crash before the commit leaves the sweep whole, after it leaves only folders
/// without a run, which OrphanArtifactSweeper removes at the next start); then the folders of exactly this sweep's
/// runs are removed, so another sweep's files are never touched.
/// </summary>
public sealed class SweepDeletion(IDbContextFactory<LabDbContext> dbs, LabPaths paths, RunCommands commands, IArtifactStore store, ILogger<SweepDeletion> log)
{
    /// <summary>How long a running run gets to stop after its cancel before its rows go anyway.</summary>
    public TimeSpan StopWait { get; set; } = TimeSpan.FromSeconds(30);

    public async Task<DeletionPlan?> PlanAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Name }).FirstOrDefaultAsync(ct);
        if (sweep is null) return null;
        var runs = await db.Runs.AsNoTracking().Where(r => r.SweepId == id).Select(r => new { r.Id, r.Status }).ToListAsync(ct);
        var bytes = (await store.BytesPerSweepAsync(id, ct)).GetValueOrDefault(id);
        return new DeletionPlan(id, sweep.Name, runs.Count, runs.Count(r => !r.Status.IsFinal()), bytes);
    }

    /// <summary>The plan that was carried out, or null when the sweep does not exist.</summary>
    public async Task<DeletionPlan?> DeleteAsync(SweepId id, CancellationToken ct = default)
    {
        var plan = await PlanAsync(id, ct);
        if (plan is null) return null;
        await StopActiveRunsAsync(id, ct);

        List<RunId> runIds;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            runIds = await db.Runs.Where(r => r.SweepId == id).Select(r => r.Id).ToListAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Children explicitly, not by relying on the provider's cascade (SQLite enforces it only with foreign_keys on).
            await db.Artifacts.Where(a => runIds.Contains(a.RunId)).ExecuteDeleteAsync(ct);
            await db.RunLog.Where(l => runIds.Contains(l.RunId)).ExecuteDeleteAsync(ct);
            await db.Runs.Where(r => r.SweepId == id).ExecuteDeleteAsync(ct);
            await db.Sweeps.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }
        foreach (var run in runIds) RemoveFolder(ArtifactFolders.Of(paths, run));
        log.LogInformation("Deleted sweep {Sweep} ({Name}): {Runs} runs, {Bytes} bytes of artifacts.", id, plan.Name, plan.Runs, plan.Bytes);
        return plan;
    }

    /// <summary>Cancels queued and running runs and waits (bounded) for running ones to stop writing.</summary>
    private async Task StopActiveRunsAsync(SweepId id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var active = await db.Runs.AsNoTracking().Where(r => r.SweepId == id && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var run in active) await commands.CancelAsync(run, ct);
        var deadline = DateTime.UtcNow + StopWait;
        while (active.Count > 0 && DateTime.UtcNow < deadline
               && await db.Runs.AsNoTracking().AnyAsync(r => r.SweepId == id && r.Status == RunStatus.Running, ct))
            await Task.Delay(100, ct);
    }

    internal void RemoveFolder(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Could not remove {Folder}; the start-up sweeper will retry.", folder);
        }
    }
}
