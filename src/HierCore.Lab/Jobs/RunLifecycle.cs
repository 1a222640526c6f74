using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Every status transition of a run, each a conditional update on (id, attempt, status), so that two
/// processes (or a stale job and its re-queued successor) can never both own a run. Start, heartbeat and finish
/// times come from the database's clock (see DatabaseClock); Now (this machine's clock) dates log lines and new sweeps.
/// </summary>
public sealed class RunLifecycle(IDbContextFactory<LabDbContext> dbs, RunNotifications notifications, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Queued → Running for this attempt. A queued run whose cancel flag is set (a cancel that raced the queue) ends
    /// Cancelled here instead of staying queued for ever.
    /// </summary>
    public async Task<bool> TryClaimAsync(RunId id, int attempt, string worker, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = await DatabaseClock.NowAsync(db, ct);
        var claimed = await db.Runs
            .Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Queued && !r.CancelRequested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.Worker, worker)
                .SetProperty(r => r.StartedAt, now).SetProperty(r => r.HeartbeatAt, now)
                .SetProperty(r => r.Phase, "starting").SetProperty(r => r.Progress, 0.0), ct) == 1;
        if (claimed)
        {
            await LogAsync(db, id, "info", $"Attempt {attempt} started on {worker}.", ct);
            await PublishAsync(db, id);
            return true;
        }
        var cancelled = await db.Runs
            .Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Queued && r.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedAt, now), ct) == 1;
        if (cancelled)
        {
            await LogAsync(db, id, "info", "Cancelled before it started.", ct);
            await PublishAsync(db, id);
        }
        return false;
    }

    /// <summary>Writes progress and heartbeat; returns true when the attempt should stop: a cancel was requested, or
    /// the run is no longer this attempt's (its worker was presumed dead and the run re-queued).</summary>
    public async Task<bool> HeartbeatAsync(RunId id, int attempt, string? phase, int done, int total, double progress, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = await DatabaseClock.NowAsync(db, ct);
        var owned = await db.Runs.Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.HeartbeatAt, now).SetProperty(r => r.Phase, phase)
                .SetProperty(r => r.ProgressDone, done).SetProperty(r => r.ProgressTotal, total)
                .SetProperty(r => r.Progress, progress), ct);
        if (owned == 0) return true;
        return await db.Runs.Where(r => r.Id == id).Select(r => r.CancelRequested).FirstOrDefaultAsync(ct);
    }

    public async Task FinishAsync(RunId id, int attempt, RunStatus status, string? error, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = await DatabaseClock.NowAsync(db, ct);
        var n = await db.Runs.Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status).SetProperty(r => r.Error, error)
                .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.HeartbeatAt, now), ct);
        if (n == 0) return;
        await LogAsync(db, id, status == RunStatus.Failed ? "error" : "info",
            status == RunStatus.Failed ? $"Failed: {error}" : $"Attempt {attempt} {status.ToString().ToLowerInvariant()}.", ct);
        await PublishAsync(db, id);
    }

    public async Task LogAsync(RunId id, string level, string message, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await LogAsync(db, id, level, message, ct);
    }

    public async Task PublishAsync(RunId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await PublishAsync(db, id);
    }

    private async Task LogAsync(LabDbContext db, RunId id, string level, string message, CancellationToken ct)
    {
        db.RunLog.Add(new RunLogLine { RunId = id, At = Now, Level = level, Message = message });
        await db.SaveChangesAsync(ct);
    }

    private async Task PublishAsync(LabDbContext db, RunId id)
    {
        var change = await db.Runs.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RunChanged(r.Id, r.SweepId, r.Status, r.Phase, r.Progress)).FirstOrDefaultAsync();
        if (change is not null) await notifications.PublishAsync(change);
    }
}
