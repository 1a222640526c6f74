using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// In a web-only process the worker lives elsewhere and cannot call RunNotifications directly: this poller
/// reads active and just-finished runs from the shared database and raises the same notifications.
/// </summary>
public sealed class RunChangePoller(IDbContextFactory<LabDbContext> dbs, RunNotifications notifications, ILogger<RunChangePoller> log) : BackgroundService
{
    private readonly Dictionary<RunId, (RunStatus, double)> _seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? since = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync(stoppingToken);
                // The database's clock: workers stamp FinishedAt with it, whatever this machine's clock says.
                var now = await DatabaseClock.NowAsync(db, stoppingToken);
                since ??= now;
                var changed = await db.Runs.AsNoTracking()
                    .Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running || r.FinishedAt > since)
                    .Select(r => new RunChanged(r.Id, r.SweepId, r.Status, r.Phase, r.Progress)).ToListAsync(stoppingToken);
                since = now.AddSeconds(-5);
                foreach (var c in changed.Where(c => !_seen.TryGetValue(c.RunId, out var last) || last != (c.Status, c.Progress)))
                {
                    _seen[c.RunId] = (c.Status, c.Progress);
                    await notifications.PublishAsync(c);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogWarning(e, "Polling run changes failed; trying again."); }
            try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
