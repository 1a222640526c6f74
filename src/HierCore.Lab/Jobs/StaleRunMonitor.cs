using Hangfire;
using Hangfire.States;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Jobs;

/// <summary>
/// At start-up and then every Worker:StaleCheckSeconds, makes sure no run is stuck:
/// a Running run whose heartbeat is older than Worker:StaleAfterSeconds (by the database's clock) lost its worker
/// and is re-queued as a new attempt (up to Worker:MaxAttempts; cancelled instead when a cancel was pending), and a
/// Queued run whose Hangfire job is gone or finished (a crash between commit and enqueue, a claim that failed on a
/// database error, a job deleted by hand) gets a new job.
/// </summary>
public sealed class StaleRunMonitor(
    IDbContextFactory<LabDbContext> dbs, RunRequeue requeue, RunLifecycle lifecycle, JobStorage jobs,
    IOptions<WorkerOptions> options, ILogger<StaleRunMonitor> log) : BackgroundService
{
    /// <summary>States in which a Hangfire job will still run; any other state (or no job) leaves a queued run stranded.</summary>
    private static readonly HashSet<string> LiveJobStates =
        [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

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
        var handled = await RequeueLostRunsAsync(ct) + await EnqueueStrandedRunsAsync(ct);
        if (handled > 0) log.LogWarning("Re-queued or closed {Count} runs whose worker or job was lost.", handled);
        return handled;
    }

    private async Task<int> RequeueLostRunsAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var cutoff = await DatabaseClock.NowAsync(db, ct) - TimeSpan.FromSeconds(o.StaleAfterSeconds);
        var stale = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Running && (r.HeartbeatAt == null || r.HeartbeatAt < cutoff))
            .Select(r => new { r.Id, r.Attempt, r.Worker, r.CancelRequested }).ToListAsync(ct);
        var handled = 0;
        foreach (var run in stale)
        {
            if (run.CancelRequested)
            {
                // The user asked to stop it and its worker vanished before it could: that is a finished cancel.
                await lifecycle.FinishAsync(run.Id, run.Attempt, RunStatus.Cancelled, null, ct);
                handled++;
            }
            else if (run.Attempt >= o.MaxAttempts)
            {
                await lifecycle.FinishAsync(run.Id, run.Attempt, RunStatus.Failed,
                    $"Worker {run.Worker} vanished on attempt {run.Attempt} of {o.MaxAttempts}; giving up.", ct);
                handled++;
            }
            else if (await requeue.RequeueAsync(run.Id, run.Attempt, [RunStatus.Running], $"Worker {run.Worker} stopped beating", ct, "warning"))
                handled++;
        }
        return handled;
    }

    private async Task<int> EnqueueStrandedRunsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // A run without a job id may be a sweep being committed right now (the enqueue follows the commit): give it time.
        var young = await DatabaseClock.NowAsync(db, ct) - TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
        var queued = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunStatus.Queued && (r.JobId != null || r.CreatedAt < young))
            .Select(r => new { r.Id, r.Attempt, r.JobId }).ToListAsync(ct);
        var handled = 0;
        foreach (var run in queued.Where(r => !IsLive(r.JobId)))
        {
            await lifecycle.LogAsync(run.Id, "warning", $"Attempt {run.Attempt} had no live queue job ({run.JobId ?? "none"}); enqueued again.", ct);
            await requeue.EnqueueAsync(run.Id, run.Attempt, ct);
            handled++;
        }
        return handled;
    }

    private bool IsLive(string? jobId)
    {
        if (jobId is null) return false;
        using var connection = jobs.GetConnection();
        try { return connection.GetJobData(jobId)?.State is { } state && LiveJobStates.Contains(state); }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException) { return false; } // not an id this storage made
    }
}
