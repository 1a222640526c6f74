using Hangfire;
using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Tests.Integration;

/// <summary>No run stays Queued or Running for ever: every path ends in a terminal state or on the queue with a live job.</summary>
[Collection(LabCollection.Name)]
public sealed class QueueRecoveryTests(LabFactory lab)
{
    private IDbContextFactory<LabDbContext> Dbs => lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>();
    private StaleRunMonitor Monitor => lab.Services.GetServices<IHostedService>().OfType<StaleRunMonitor>().Single();

    [Fact]
    public async Task A_lost_run_with_a_pending_cancel_ends_cancelled_instead_of_waiting_in_the_queue()
    {
        var (sweep, run) = await InsertRunAsync(RunStatus.Running, r =>
        {
            r.CancelRequested = true; r.Worker = "gone:1"; r.JobId = "none";
            r.StartedAt = DateTime.UtcNow.AddMinutes(-10); r.HeartbeatAt = DateTime.UtcNow.AddMinutes(-5);
        });
        await Monitor.CheckOnceAsync(CancellationToken.None);

        var runs = await lab.CreateClient().WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(20));
        Assert.Equal(("Cancelled", 1), (runs[0].Status, runs[0].Attempt));
    }

    [Fact]
    public async Task A_queued_run_whose_queue_job_no_longer_exists_is_enqueued_again_and_runs()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var (sweep, _) = await InsertRunAsync(RunStatus.Queued, r => r.JobId = "987654321"); // deleted, expired or never made
        Assert.True(await Monitor.CheckOnceAsync(CancellationToken.None) >= 1);

        var runs = await lab.CreateClient().WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(20));
        Assert.Equal(("Succeeded", 1), (runs[0].Status, runs[0].Attempt));
    }

    [Fact]
    public async Task A_database_error_while_claiming_leaves_the_run_to_the_queue_check_which_runs_it()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var http = lab.CreateClient();
        lab.Faults.ArmOnce();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["patchcore"], Scenarios = ["S3"], Seeds = [901] });
        await lab.Faults.Fired.WaitAsync(TimeSpan.FromSeconds(20));

        // The failed claim's job has ended; the check (here called as its timer would) gives the run a new one.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<(string Id, string Status, int Attempt)> runs;
        do
        {
            await Monitor.CheckOnceAsync(CancellationToken.None);
            runs = await http.RunsAsync(sweep);
            if (LabClient.AllFinal(runs)) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(("Succeeded", 1), (runs[0].Status, runs[0].Attempt));
    }

    [Fact]
    public async Task A_worker_whose_clock_is_behind_does_not_get_its_live_run_requeued_by_another_machine()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(400); // 20 steps: the run stays live through the check
        lab.Clock.Offset = TimeSpan.FromMinutes(-10);
        try
        {
            var http = lab.CreateClient();
            var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore"], Scenarios = ["S2"], Seeds = [902] });
            var running = await http.WaitForRunsAsync(sweep, rs => rs.All(r => r.Status == "Running"), TimeSpan.FromSeconds(20));
            var id = new RunId(Guid.Parse(running[0].Id));
            await WaitForHeartbeatAfterClaimAsync(id);

            // Another machine, whose clock is right, looks for lost workers.
            var services = lab.Services;
            var otherLifecycle = new RunLifecycle(Dbs, services.GetRequiredService<RunNotifications>(), TimeProvider.System);
            var otherMachine = new StaleRunMonitor(Dbs, services.GetRequiredService<RunRequeue>(), otherLifecycle,
                services.GetRequiredService<JobStorage>(), services.GetRequiredService<IOptions<WorkerOptions>>(), NullLogger<StaleRunMonitor>.Instance);
            await otherMachine.CheckOnceAsync(CancellationToken.None);

            await using var db = await Dbs.CreateDbContextAsync();
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal((RunStatus.Running, 1), (run.Status, run.Attempt));
            await http.PostAsync($"/api/runs/{id}/cancel", null);
            await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(20));
        }
        finally { lab.Clock.Offset = TimeSpan.Zero; }
    }

    private async Task WaitForHeartbeatAfterClaimAsync(RunId id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await Dbs.CreateDbContextAsync();
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == id);
            if (run.HeartbeatAt > run.StartedAt) return;
            await Task.Delay(100);
        }
        Assert.Fail("The worker wrote no heartbeat after claiming the run.");
    }

    /// <summary>A run as another process (or a crash) left it, written straight into the database.</summary>
    private async Task<(SweepId, RunId)> InsertRunAsync(RunStatus status, Action<Run> shape)
    {
        var sweepId = SweepId.New();
        var runId = RunId.New();
        var spec = new RunSpec { Dataset = "demo", Method = "patchcore", Scenario = Scenario.S2, Seed = Random.Shared.Next(1000, 100_000) };
        var run = new Run { Id = runId, SweepId = sweepId, SpecJson = LabJson.Serialize(spec), Method = spec.Method, Scenario = "S2",
            Dataset = "demo", Seed = spec.Seed, Status = status, Attempt = 1, CreatedAt = DateTime.UtcNow.AddMinutes(-10) };
        shape(run);
        await using var db = await Dbs.CreateDbContextAsync();
        db.Sweeps.Add(new Sweep { Id = sweepId, Name = "left behind", Dataset = "demo", RequestJson = "{}", CreatedAt = run.CreatedAt, RunCount = 1 });
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        return (sweepId, runId);
    }
}
