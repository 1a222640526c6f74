using Hangfire;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Experiments;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Jobs;

/// <summary>
/// The Hangfire job of one run attempt: claim the run, call the engine with progress and a cancellation token,
/// keep a heartbeat, store the outcome. Hangfire never retries it: lost workers and retries are the Lab's business
/// (attempts are recorded on the run).
/// </summary>
public sealed class RunJob(
    IExperimentRunner runner, RunLifecycle lifecycle, RunRequeue requeue, ResultStore results, CancelRegistry cancels,
    IDbContextFactory<LabDbContext> dbs, DatasetRootCheck roots, IDatasetPreflight preflight, IOptions<WorkerOptions> options,
    ILogger<RunJob> log)
{
    [Queue(RunQueue.QueueName), AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(Guid runId, int attempt, CancellationToken shutdown)
    {
        var id = new RunId(runId);
        var worker = options.Value.WorkerName;
        if (!await TryClaimAsync(id, attempt, worker, shutdown)) return;

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        cancels.Register(id, cts);
        var progress = new LatestProgress();
        var monitor = MonitorAsync(id, attempt, progress, cts);
        Task<RunResult>? engine = null;
        try
        {
            var spec = LabJson.Deserialize<RunSpec>(await ReadSpecAsync(id, cts.Token)) with { Device = options.Value.Device };
            roots.Check(spec.Dataset);
            await Task.Run(() => preflight.Check(spec.Dataset), cts.Token);
            engine = runner.RunAsync(spec, progress, cts.Token);
            var result = await WaitForEngineAsync(id, engine, cts.Token);
            cts.Token.ThrowIfCancellationRequested();
            await LogPhaseChangesAsync(id, progress);
            if (!await results.SaveSucceededAsync(id, attempt, result, CancellationToken.None))
                await lifecycle.FinishAsync(id, attempt, RunStatus.Cancelled, null, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            results.DeleteAttemptFiles(id, attempt);
            if (shutdown.IsCancellationRequested && !await CancelRequestedAsync(id))
            {
                await HandBackAsync(id, attempt, worker, engine);
                return;
            }
            await lifecycle.FinishAsync(id, attempt, RunStatus.Cancelled, null, CancellationToken.None);
        }
        catch (NotApplicableException e)
        {
            await lifecycle.FinishAsync(id, attempt, RunStatus.Failed, $"Not applicable: {e.Message}", CancellationToken.None);
        }
        catch (DatasetException e)
        {
            await lifecycle.FinishAsync(id, attempt, RunStatus.Failed, $"Dataset: {e.Message}", CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Run {Run} failed.", id);
            await lifecycle.FinishAsync(id, attempt, RunStatus.Failed, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
        }
        finally
        {
            cancels.Unregister(id);
            await cts.CancelAsync();
            await monitor;
        }
    }

    /// <summary>
    /// A claim that fails on a database error leaves the run Queued with a finished job: the queue check of
    /// StaleRunMonitor gives it a new job, so this only logs (Hangfire retries are off on purpose).
    /// </summary>
    private async Task<bool> TryClaimAsync(RunId id, int attempt, string worker, CancellationToken shutdown)
    {
        try
        {
            if (await lifecycle.TryClaimAsync(id, attempt, worker, shutdown)) return true;
            log.LogInformation("Run {Run} attempt {Attempt} is not queued any more; skipping.", id, attempt);
        }
        catch (Exception e) when (!shutdown.IsCancellationRequested)
        {
            log.LogWarning(e, "Could not claim run {Run} attempt {Attempt}; the queue check will enqueue it again.", id, attempt);
        }
        catch (OperationCanceledException) { } // shutting down before it started: the run is still Queued, its job gone
        return false;
    }

    /// <summary>
    /// The worker is stopping (SIGTERM, docker stop): the run goes back on the queue at once as a new attempt
    /// (another worker, or this one after its restart, picks it up) instead of waiting for the stale cut-off. The
    /// engine was cancelled with the same token; it gets a moment to notice, so the process does not dispose the
    /// runner's caches under a computation that is still running.
    /// </summary>
    private async Task HandBackAsync(RunId id, int attempt, string worker, Task<RunResult>? engine)
    {
        await requeue.RequeueAsync(id, attempt, [RunStatus.Running], $"Worker {worker} shut down during attempt {attempt}",
            CancellationToken.None, "warning");
        log.LogWarning("Run {Run} interrupted by shutdown; re-queued.", id);
        if (engine is not null)
            try { await engine.WaitAsync(TimeSpan.FromSeconds(options.Value.EngineStopSeconds)); }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
            catch (Exception e) { log.LogDebug(e, "Engine of run {Run} ended with an error after the shutdown.", id); }
    }

    /// <summary>
    /// Awaits the engine, but stops waiting as soon as the run is cancelled: the engine checks its token between
    /// batches, and a long step must not hold the run in "Running" after the user pressed cancel. Whatever the
    /// engine still returns is dropped (its runner lets the next run start only when it has finished).
    /// </summary>
    private async Task<RunResult> WaitForEngineAsync(RunId id, Task<RunResult> task, CancellationToken ct)
    {
        try { return await task.WaitAsync(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && !task.IsCompleted)
        {
            _ = task.ContinueWith(t => log.LogInformation("Engine work of cancelled run {Run} ended ({Status}).", id, t.Status),
                TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>Flushes progress (≤ 4 writes/s), beats the heart and watches the DB for a cancel request.</summary>
    private async Task MonitorAsync(RunId id, int attempt, LatestProgress progress, CancellationTokenSource cts)
    {
        var beat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        var lastBeat = DateTime.MinValue;
        RunProgress? lastWritten = null;
        while (!cts.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(250, cts.Token);
                var p = progress.Latest;
                var now = lifecycle.Now;
                await LogPhaseChangesAsync(id, progress);
                if (p == lastWritten && now - lastBeat < beat) continue;
                var overall = OverallProgress.Compute(p);
                var cancel = await lifecycle.HeartbeatAsync(id, attempt, p?.Phase ?? "starting", p?.Done ?? 0, p?.Total ?? 0, overall, CancellationToken.None);
                lastBeat = now;
                if (p != lastWritten) await lifecycle.PublishAsync(id);
                lastWritten = p;
                if (cancel) await cts.CancelAsync();
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { log.LogWarning(e, "Heartbeat of run {Run} failed; retrying.", id); }
        }
    }

    /// <summary>Called by the monitor loop and at the end: one writer at a time, so the log keeps the phases' order.</summary>
    private async Task LogPhaseChangesAsync(RunId id, LatestProgress progress)
    {
        await progress.LogGate.WaitAsync();
        try
        {
            while (progress.PhaseChanges.TryDequeue(out var change))
                await lifecycle.LogAsync(id, "info", $"Phase {change.Phase}{(change.Message is null ? "" : ": " + change.Message)}", CancellationToken.None);
        }
        finally { progress.LogGate.Release(); }
    }

    private async Task<string> ReadSpecAsync(RunId id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Runs.Where(r => r.Id == id).Select(r => r.SpecJson).FirstAsync(ct);
    }

    private async Task<bool> CancelRequestedAsync(RunId id)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Runs.Where(r => r.Id == id).Select(r => r.CancelRequested).FirstOrDefaultAsync();
    }

    /// <summary>Keeps the newest report and every phase change: the runner never waits on the database.</summary>
    private sealed class LatestProgress : IProgress<RunProgress>
    {
        private volatile RunProgress? _latest;
        public RunProgress? Latest => _latest;
        public System.Collections.Concurrent.ConcurrentQueue<RunProgress> PhaseChanges { get; } = new();
        public SemaphoreSlim LogGate { get; } = new(1, 1);

        public void Report(RunProgress value)
        {
            if (_latest?.Phase != value.Phase) PhaseChanges.Enqueue(value);
            _latest = value;
        }
    }
}
