using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HierCore.Lab.Tests.Integration;

[Collection(LabCollection.Name)]
public sealed class StaleRunTests(LabFactory lab)
{
    [Fact]
    public async Task A_run_whose_worker_vanished_is_requeued_as_a_new_attempt_and_finishes_once()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var http = lab.CreateClient();
        var dbs = lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>();
        var sweepId = SweepId.New();
        var runId = RunId.New();
        var spec = new Engine.Experiments.RunSpec { Dataset = "demo", Method = "patchcore", Scenario = Engine.Experiments.Scenario.S2, Seed = 4 };
        await using (var db = await dbs.CreateDbContextAsync())
        {
            // As a crashed worker leaves it: Running, heartbeat long ago, a partial metric row.
            db.Sweeps.Add(new Sweep { Id = sweepId, Name = "crashed", Dataset = "demo", RequestJson = "{}", CreatedAt = DateTime.UtcNow, RunCount = 1 });
            db.Runs.Add(new Run { Id = runId, SweepId = sweepId, SpecJson = LabJson.Serialize(spec), Method = "patchcore", Scenario = "S2",
                Dataset = "demo", Seed = 4, Status = RunStatus.Running, Attempt = 1, Worker = "gone:1", JobId = "none",
                CreatedAt = DateTime.UtcNow.AddMinutes(-10), StartedAt = DateTime.UtcNow.AddMinutes(-10), HeartbeatAt = DateTime.UtcNow.AddMinutes(-5) });
            db.Metrics.Add(new Metric { RunId = runId, Name = "headline", Scope = "run", Value = 0.123, DefinitionVersion = "v1" });
            await db.SaveChangesAsync();
        }
        var monitor = lab.Services.GetServices<IHostedService>().OfType<StaleRunMonitor>().Single();
        Assert.Equal(1, await monitor.CheckOnceAsync(CancellationToken.None));

        var runs = await http.WaitForRunsAsync(sweepId, LabClient.AllFinal, TimeSpan.FromSeconds(20));
        Assert.Equal(("Succeeded", 2), (runs[0].Status, runs[0].Attempt));
        await using var check = await dbs.CreateDbContextAsync();
        var headline = await check.Metrics.Where(m => m.RunId == runId && m.Name == "headline").ToListAsync();
        Assert.Single(headline);
        Assert.NotEqual(0.123, headline[0].Value);
    }
}
