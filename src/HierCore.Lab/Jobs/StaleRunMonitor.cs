using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Finds runs whose worker vanished (heartbeat older than Worker:StaleAfterSeconds) at start-up and then
/// periodically, and re-queues them as a new attempt up to Worker:MaxAttempts; also enqueues queued runs that
/// never got a job (a crash between the sweep's commit and its enqueue).
/// </summary>
public sealed class StaleRunMonitor(
    IDbContextFactory<LabDbContext> dbs, RunQueue queue, RunLifecycle lifecycle,
    IOptions<WorkerOptions> options, ILogger<StaleRunMonitor> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.StaleCheckSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await CheckOnceAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogError(e, "Stale-run check failed; trying again in {Period}.", period); }
            try { await Task.Delay(period, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }

    public async Task<int> CheckOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = lifecycle.Now;
        var cutoff = now - TimeSpan.FromSeconds(o.StaleAfterSeconds);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stale = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Running && (r.HeartbeatAt == null || r.HeartbeatAt < cutoff))
            .Select(r => new { r.Id, r.Attempt, r.Worker }).ToListAsync(ct);
        var handled = 0;
        foreach (var run in stale)
        {
            if (run.Attempt >= o.MaxAttempts)
            {
                var failed = await db.Runs.Where(r => r.Id == run.Id && r.Attempt == run.Attempt && r.Status == RunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.FinishedAt, now)
                        .SetProperty(r => r.Error, $"Worker {run.Worker} vanished on attempt {run.Attempt} of {o.MaxAttempts}; giving up."), ct);
                if (failed == 1) { await lifecycle.LogAsync(run.Id, "error", $"Worker {run.Worker} vanished; no attempts left.", ct); handled++; }
                continue;
            }
            var next = run.Attempt + 1;
            var moved = await db.Runs.Where(r => r.Id == run.Id && r.Attempt == run.Attempt && r.Status == RunStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Queued).SetProperty(r => r.Attempt, next)
                    .SetProperty(r => r.Worker, (string?)null).SetProperty(r => r.Phase, (string?)null)
                    .SetProperty(r => r.Progress, 0.0).SetProperty(r => r.StartedAt, (DateTime?)null)
                    .SetProperty(r => r.HeartbeatAt, (DateTime?)null).SetProperty(r => r.JobId, (string?)null), ct);
            // JobId is cleared in the same update: if this process dies before enqueueing, the orphan check below
            // (in any worker) finds a queued run without a job and enqueues it.
            if (moved == 0) continue; // another process got there first
            await db.Artifacts.Where(a => a.RunId == run.Id).ExecuteDeleteAsync(ct);
            await lifecycle.LogAsync(run.Id, "warning", $"Worker {run.Worker} stopped beating; attempt {next} queued.", ct);
            await EnqueueAsync(db, run.Id, next, ct);
            handled++;
        }

        // Queued without a job for a while: the enqueue after the sweep's commit never happened.
        var orphanCutoff = now - TimeSpan.FromSeconds(o.StaleAfterSeconds);
        var orphans = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Queued && r.JobId == null && r.CreatedAt < orphanCutoff)
            .Select(r => new { r.Id, r.Attempt }).ToListAsync(ct);
        foreach (var o2 in orphans) { await EnqueueAsync(db, o2.Id, o2.Attempt, ct); handled++; }
        if (handled > 0) log.LogWarning("Re-queued or closed {Count} runs whose worker was lost.", handled);
        return handled;
    }

    private async Task EnqueueAsync(LabDbContext db, RunId id, int attempt, CancellationToken ct)
    {
        var jobId = queue.Enqueue(id, attempt);
        await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), ct);
        await lifecycle.PublishAsync(id, ct);
    }
}
