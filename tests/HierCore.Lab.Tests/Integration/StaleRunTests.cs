using HierCore.Engine.Contracts;
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
        var spec = new Engine.Contracts.RunSpec { Dataset = "demo", Method = "patchcore", Scenario = Engine.Contracts.Scenario.S2, Seed = 4 };
        await using (var db = await dbs.CreateDbContextAsync())
        {
            // As a crashed worker leaves it: Running, heartbeat long ago, a partial artifact row.
            db.Sweeps.Add(new Sweep { Id = sweepId, Name = "crashed", Dataset = "demo", RequestJson = "{}", CreatedAt = DateTime.UtcNow, RunCount = 1 });
            db.Runs.Add(new Run { Id = runId, SweepId = sweepId, SpecJson = LabJson.Serialize(spec), Method = "patchcore", Scenario = "S2",
                Dataset = "demo", Seed = 4, Status = RunStatus.Running, Attempt = 1, Worker = "gone:1", JobId = "none",
                CreatedAt = DateTime.UtcNow.AddMinutes(-10), StartedAt = DateTime.UtcNow.AddMinutes(-10), HeartbeatAt = DateTime.UtcNow.AddMinutes(-5) });
            db.Artifacts.Add(new Artifact { RunId = runId, Kind = ArtifactKind.ScoresCsv, RelativePath = "artifacts/partial/scores.csv" });
            await db.SaveChangesAsync();
        }
        var monitor = lab.Services.GetServices<IHostedService>().OfType<StaleRunMonitor>().Single();
        Assert.Equal(1, await monitor.CheckOnceAsync(CancellationToken.None));

        var runs = await http.WaitForRunsAsync(sweepId, LabClient.AllFinal, TimeSpan.FromSeconds(20));
        Assert.Equal(("Succeeded", 2), (runs[0].Status, runs[0].Attempt));
        await using var check = await dbs.CreateDbContextAsync();
        var csv = await check.Artifacts.Where(a => a.RunId == runId && a.Kind == ArtifactKind.ScoresCsv).ToListAsync();
        Assert.NotEqual("artifacts/partial/scores.csv", Assert.Single(csv).RelativePath); // the partial row is gone, the new one stored once
        Assert.NotNull((await check.Runs.SingleAsync(r => r.Id == runId)).Headline);
    }
}
