using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// The one way a run goes back on the queue as a new attempt: a retry (from Failed or Cancelled), a lost worker
/// (stale Running) and a worker shutting down (its own Running run). The move is one conditional update on
/// (id, attempt, status), so two callers never both re-queue a run, and it clears the cancel flag a claim refuses.
/// </summary>
public sealed class RunRequeue(IDbContextFactory<LabDbContext> dbs, RunQueue queue, RunLifecycle lifecycle)
{
    /// <summary>False when the run was not at <paramref name="attempt"/> in one of <paramref name="from"/> (someone else moved it).</summary>
    public async Task<bool> RequeueAsync(RunId id, int attempt, IReadOnlyCollection<RunStatus> from, string reason, CancellationToken ct, string level = "info")
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var next = attempt + 1;
        var statuses = from.ToList();
        var moved = await db.Runs.Where(r => r.Id == id && r.Attempt == attempt && statuses.Contains(r.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Queued).SetProperty(r => r.Attempt, next)
                .SetProperty(r => r.CancelRequested, false).SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.Worker, (string?)null).SetProperty(r => r.Phase, (string?)null)
                .SetProperty(r => r.ResultJson, (string?)null).SetProperty(r => r.Headline, (double?)null)
                .SetProperty(r => r.Progress, 0.0).SetProperty(r => r.ProgressDone, 0).SetProperty(r => r.ProgressTotal, 0)
                .SetProperty(r => r.StartedAt, (DateTime?)null).SetProperty(r => r.FinishedAt, (DateTime?)null)
                .SetProperty(r => r.HeartbeatAt, (DateTime?)null)
                // Cleared with the move: should this process die before the enqueue below, the queue check of any
                // worker finds a queued run without a live job and enqueues it.
                .SetProperty(r => r.JobId, (string?)null), ct);
        if (moved == 0) return false;
        await db.Artifacts.Where(a => a.RunId == id).ExecuteDeleteAsync(ct);
        await lifecycle.LogAsync(id, level, $"{reason}; attempt {next} queued.", ct);
        await EnqueueAsync(db, id, next, ct);
        return true;
    }

    /// <summary>A new Hangfire job for a queued attempt (also for one whose job was lost); its claim is conditional, so a duplicate job is harmless.</summary>
    public async Task EnqueueAsync(RunId id, int attempt, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await EnqueueAsync(db, id, attempt, ct);
    }

    private async Task EnqueueAsync(LabDbContext db, RunId id, int attempt, CancellationToken ct)
    {
        var jobId = queue.Enqueue(id, attempt);
        await db.Runs.Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), ct);
        await lifecycle.PublishAsync(id, ct);
    }
}
