using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

public enum CommandOutcome { Done, NotFound, NotAllowed }

/// <summary>Cancel and retry, shared by the pages and the API.</summary>
public sealed class RunCommands(IDbContextFactory<LabDbContext> dbs, RunQueue queue, CancelRegistry cancels, RunLifecycle lifecycle)
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
        await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), ct);
        await lifecycle.LogAsync(id, "info", "Cancel requested.", ct);
        cancels.TryCancel(id);
        return CommandOutcome.Done;
    }

    /// <summary>A failed or cancelled run gets a new attempt; rows of the earlier attempt go.</summary>
    public async Task<CommandOutcome> RetryAsync(RunId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return CommandOutcome.NotFound;
        if (run.Status is not (RunStatus.Failed or RunStatus.Cancelled)) return CommandOutcome.NotAllowed;
        await RequeueAsync(db, run, "Retry requested.", ct);
        return CommandOutcome.Done;
    }

    /// <summary>Moves a run to a fresh attempt on the queue (used by retry and by the lost-worker check).</summary>
    internal async Task RequeueAsync(LabDbContext db, Run run, string reason, CancellationToken ct)
    {
        await db.Artifacts.Where(a => a.RunId == run.Id).ExecuteDeleteAsync(ct);
        run.Attempt++;
        run.Status = RunStatus.Queued;
        run.CancelRequested = false;
        run.Error = null; run.Worker = null; run.Phase = null; run.ResultJson = null; run.Headline = null;
        run.Progress = 0; run.ProgressDone = 0; run.ProgressTotal = 0;
        run.StartedAt = run.FinishedAt = run.HeartbeatAt = null;
        run.JobId = null;
        db.RunLog.Add(new RunLogLine { RunId = run.Id, At = lifecycle.Now, Level = "info", Message = $"{reason} Attempt {run.Attempt} queued." });
        await db.SaveChangesAsync(ct);
        run.JobId = queue.Enqueue(run.Id, run.Attempt);
        await db.SaveChangesAsync(ct);
        await lifecycle.PublishAsync(run.Id, ct);
    }
}
