using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Stores a finished run: artifacts first (files, or rows in the same transaction; see IArtifactStore), then
/// artifact rows + result JSON + Succeeded in one transaction that first deletes any rows an earlier
/// attempt left, so a run is never half-written or counted twice.
/// </summary>
public sealed class ResultStore(IDbContextFactory<LabDbContext> dbs, IArtifactStore artifacts, RunLifecycle lifecycle)
{
    /// <summary>False when the run is no longer this attempt's to finish (cancelled, re-queued elsewhere).</summary>
    public async Task<bool> SaveSucceededAsync(RunId id, int attempt, RunResult result, CancellationToken ct)
    {
        var rows = await artifacts.PrepareAsync(id, attempt, result, ct);
        Records.FittedModels.RemovePending(result); // its bytes are in the attempt's artifacts now
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The ownership check and the status change are one conditional UPDATE: it locks the row (PostgreSQL) or the
        // file (SQLite) until commit, so a re-queue by another worker's stale check cannot slip in between.
        var now = await DatabaseClock.NowAsync(db, ct);
        var resultJson = LabJson.Serialize(result);
        double? headline = double.IsFinite(result.Headline) ? result.Headline : null;
        var owned = await db.Runs
            .Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Running && !r.CancelRequested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Succeeded).SetProperty(r => r.ResultJson, resultJson)
                .SetProperty(r => r.Headline, headline).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.HeartbeatAt, now)
                .SetProperty(r => r.Phase, "done").SetProperty(r => r.Progress, 1.0).SetProperty(r => r.Error, (string?)null), ct);
        if (owned == 0)
        {
            await tx.RollbackAsync(ct);
            artifacts.Discard(id, attempt); // cancelled (or taken over) while the artifacts were written
            return false;
        }

        await db.Artifacts.Where(a => a.RunId == id).ExecuteDeleteAsync(ct);
        db.Artifacts.AddRange(rows);
        db.RunLog.Add(new RunLogLine { RunId = id, At = now, Level = "info",
            Message = $"Attempt {attempt} succeeded: headline {result.Headline:F4}, {result.PerClass.Count} classes, {result.Scores.Count} scored images." });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        artifacts.Committed(id, attempt);
        await lifecycle.PublishAsync(id, ct);
        return true;
    }

    /// <summary>Removes what one attempt wrote outside the database (its artifact files with SQLite).</summary>
    public void DeleteAttemptFiles(RunId id, int attempt) => artifacts.Discard(id, attempt);
}
