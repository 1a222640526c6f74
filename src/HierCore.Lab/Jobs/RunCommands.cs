using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

public enum CommandOutcome { Done, NotFound, NotAllowed }

/// <summary>Cancel and retry, shared by the pages and the API.</summary>
public sealed class RunCommands(
    IDbContextFactory<LabDbContext> dbs, RunQueue queue, RunRequeue requeue, CancelRegistry cancels, RunLifecycle lifecycle)
{
    /// <summary>A queued run never starts; a running one is asked to stop (here at once, elsewhere at its next heartbeat).</summary>
    public async Task<CommandOutcome> CancelAsync(RunId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return CommandOutcome.NotFound;
        var now = lifecycle.Now;
        if (run.Status == RunStatus.Queued)
        {
            var n = await db.Runs.Where(r => r.Id == id && r.Status == RunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled)
                    .SetProperty(r => r.CancelRequested, true).SetProperty(r => r.FinishedAt, now), ct);
            if (n == 1)
            {
                queue.Forget(run.JobId);
                await lifecycle.LogAsync(id, "info", "Cancelled before it started.", ct);
                await lifecycle.PublishAsync(id, ct);
                return CommandOutcome.Done;
            }
            run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, ct); // it started meanwhile
        }
        if (run.Status != RunStatus.Running) return CommandOutcome.NotAllowed;
        // Only while it runs: a flag set on a run re-queued meanwhile would be a cancel nobody asked for.
        if (await db.Runs.Where(r => r.Id == id && r.Status == RunStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), ct) == 0)
            return CommandOutcome.NotAllowed;
        await lifecycle.LogAsync(id, "info", "Cancel requested.", ct);
        cancels.TryCancel(id);
        return CommandOutcome.Done;
    }

    /// <summary>A failed or cancelled run gets a new attempt; rows of the earlier attempt go.</summary>
    public async Task<CommandOutcome> RetryAsync(RunId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status, r.Attempt }).FirstOrDefaultAsync(ct);
        if (run is null) return CommandOutcome.NotFound;
        if (run.Status is not (RunStatus.Failed or RunStatus.Cancelled)) return CommandOutcome.NotAllowed;
        return await requeue.RequeueAsync(id, run.Attempt, [RunStatus.Failed, RunStatus.Cancelled], "Retry requested", ct)
            ? CommandOutcome.Done
            : CommandOutcome.NotAllowed; // retried or changed meanwhile
    }
}
