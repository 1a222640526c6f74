using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// One web process and two worker processes share one PostgreSQL (Lab database and Hangfire). A worker is
/// SIGKILLed in the middle of a run; the other worker finishes everything, the killed run on attempt 2.
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

        using var web = new LabProcess("web", scenario.Directory, scenario.Settings("web", "postgres", cs));
        await web.WaitHealthyAsync(TimeSpan.FromSeconds(60)); // migrates the database first; workers then find it ready
        using var w1 = new LabProcess("w1", scenario.Directory, scenario.Settings("worker", "postgres", cs));
        using var w2 = new LabProcess("w2", scenario.Directory, scenario.Settings("worker", "postgres", cs));
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
        Assert.Equal(["20261129192922_InitialCreate"], (await db.Database.GetAppliedMigrationsAsync()).ToList());
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM hangfire.job", conn);
        Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 9, "9 jobs: 8 runs plus the re-queued attempt");
    }
}
