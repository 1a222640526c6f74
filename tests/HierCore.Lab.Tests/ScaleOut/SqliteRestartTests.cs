using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// One machine, one process (web + worker, SQLite for the database and Hangfire): SIGKILL it in the middle of a run,
/// start it again on the same data folder; the killed run is retried (attempt 2) and the queued runs still run.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SqliteRestartTests
{
    [Fact]
    public async Task Killed_single_process_resumes_after_restart_and_stores_everything_once()
    {
        using var scenario = new CrashScenario();
        var settings = scenario.Settings("both", "sqlite", null);

        string sweep;
        CrashScenario.RunView victimRun;
        using (var first = new LabProcess("lab-1", scenario.Directory, settings))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = first.Url, Timeout = TimeSpan.FromSeconds(30) };
            sweep = await CrashScenario.SubmitSweepAsync(http);
            victimRun = await CrashScenario.WaitForRunningAsync(http, sweep, TimeSpan.FromSeconds(60));
            first.Kill();
            var atKill = await ReadRunsAsync(scenario, sweep);
            Assert.Contains(atKill, r => r.Id.Value == Guid.Parse(victimRun.Id) && r.Status == RunStatus.Running);
            Assert.True(atKill.Count(r => r.Status == RunStatus.Queued) >= 5, "most of the sweep was still queued at the kill");
        }

        using var second = new LabProcess("lab-2", scenario.Directory, settings);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using (var http = new HttpClient { BaseAddress = second.Url, Timeout = TimeSpan.FromSeconds(30) })
        {
            var runs = await CrashScenario.WaitAllFinalAsync(http, sweep, TimeSpan.FromSeconds(150), () => second.Tail());
            Assert.All(runs, r => Assert.Equal("lab-2", r.Worker));
        }

        await using var db = OpenDb(scenario);
        await CrashScenario.AssertExactlyOnceAsync(db, sweep, victimRun.Id);
        Assert.Contains("20261129183821_InitialCreate", db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static LabDbContext OpenDb(CrashScenario scenario)
    {
        var options = new DbContextOptionsBuilder<LabDbContext>();
        LabDbProvider.Configure(options, LabDbProvider.Sqlite, $"Data Source={Path.Combine(scenario.DataDirectory, "hiercore.db")};Pooling=false");
        return new LabDbContext(options.Options);
    }

    private static async Task<List<Run>> ReadRunsAsync(CrashScenario scenario, string sweep)
    {
        await using var db = OpenDb(scenario);
        var id = new SweepId(Guid.Parse(sweep));
        return await db.Runs.AsNoTracking().Where(r => r.SweepId == id).ToListAsync();
    }
}
