using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// One web process and two worker processes share one PostgreSQL (Lab database and Hangfire) and nothing else:
/// each has its own data folder (its own copy of the dataset), as on three machines. A worker is SIGKILLed in the
/// middle of a run; the other worker finishes everything, the killed run on attempt 2; then every page and export
/// of the sweep works from the web process, whose data folder never received an artifact.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class PostgresWorkersTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Killed_worker_run_is_retried_by_the_other_worker_and_everything_is_stored_once()
    {
        using var scenario = new CrashScenario();
        await server.CreateDatabaseAsync("lab");
        var cs = server.ConnectionString("lab");

        using var web = new LabProcess("web", scenario.Directory, scenario.Settings("web", "postgres", cs, ownDataFolder: "web"));
        await web.WaitHealthyAsync(TimeSpan.FromSeconds(60)); // migrates the database first; workers then find it ready
        using var w1 = new LabProcess("w1", scenario.Directory, scenario.Settings("worker", "postgres", cs, ownDataFolder: "w1"));
        using var w2 = new LabProcess("w2", scenario.Directory, scenario.Settings("worker", "postgres", cs, ownDataFolder: "w2"));
        await Task.WhenAll(w1.WaitHealthyAsync(TimeSpan.FromSeconds(60)), w2.WaitHealthyAsync(TimeSpan.FromSeconds(60)));
        LabProcess[] all = [web, w1, w2];
        string Logs() => string.Join("\n", all.Select(p => $"--- {p.Name}\n{p.Tail(25)}"));

        using var http = new HttpClient { BaseAddress = web.Url, Timeout = TimeSpan.FromSeconds(30) };
        var sweep = await CrashScenario.SubmitSweepAsync(http);
        var victimRun = await CrashScenario.WaitForRunningAsync(http, sweep, TimeSpan.FromSeconds(60));
        var victim = victimRun.Worker == "w1" ? w1 : victimRun.Worker == "w2" ? w2 : throw new InvalidOperationException($"Run on unknown worker '{victimRun.Worker}'.");
        var survivor = victim == w1 ? w2 : w1;
        victim.Kill();

        var runs = await CrashScenario.WaitAllFinalAsync(http, sweep, TimeSpan.FromSeconds(150), Logs);
        Assert.True(victim.HasExited);
        Assert.False(survivor.HasExited, Logs());
        var retried = runs.Single(r => r.Id == victimRun.Id);
        Assert.Equal(survivor.Name, retried.Worker);

        var options = new DbContextOptionsBuilder<LabDbContext>();
        LabDbProvider.Configure(options, LabDbProvider.Postgres, cs);
        await using var db = new LabDbContext(options.Options);
        await CrashScenario.AssertExactlyOnceAsync(db, sweep, victimRun.Id);

        // The schema came from the PostgreSQL migration set (not EnsureCreated), and Hangfire has its own schema there.
        Assert.Contains("20261129192922_InitialCreate", db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

        // Artifacts live in the database: every row has its bytes, and no process wrote an artifact file.
        await SiteWalk.AssertEveryPageAndExportAsync(http, sweep, runs.Select(r => r.Id).ToList());
        var sweepRuns = runs.Select(r => new RunId(Guid.Parse(r.Id))).ToList();
        var artifactIds = await db.Artifacts.Where(a => sweepRuns.Contains(a.RunId)).Select(a => a.Id).ToListAsync();
        Assert.NotEmpty(artifactIds);
        Assert.Equal(artifactIds.Count, await db.ArtifactBlobs.CountAsync(b => artifactIds.Contains(b.ArtifactId)));
        foreach (var process in new[] { "web", "w1", "w2" })
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(scenario.OwnDataDirectory(process), "artifacts"), "*", SearchOption.AllDirectories));
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM hangfire.job", conn);
        Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 9, "9 jobs: 8 runs plus the re-queued attempt");
    }
}
