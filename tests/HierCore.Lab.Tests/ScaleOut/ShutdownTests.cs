using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// SIGTERM in the middle of a run (what `docker stop` does, then SIGKILL after 10 s): the Lab hands the run back to
/// the queue, exits with code 0 inside docker's grace period, and after a restart the run is done on attempt 2.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ShutdownTests
{
    /// <summary>docker stop's default grace period before it sends SIGKILL.</summary>
    private static readonly TimeSpan DockerStopGrace = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sigterm_during_a_run_requeues_it_and_exits_0_within_docker_stops_grace_period()
    {
        using var scenario = new CrashScenario();
        var settings = scenario.Settings("both", "sqlite", null);
        CrashScenario.RunView victim;
        using (var first = new LabProcess("lab-1", scenario.Directory, settings))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = first.Url, Timeout = TimeSpan.FromSeconds(30) };
            var sweep = await CrashScenario.SubmitSweepAsync(http);
            victim = await CrashScenario.WaitForRunningAsync(http, sweep, TimeSpan.FromSeconds(60));

            first.Terminate();
            var exit = await first.WaitForExitAsync(DockerStopGrace);
            Assert.True(exit is not null, $"still running {DockerStopGrace.TotalSeconds} s after SIGTERM:\n{first.Tail()}");
            Assert.True(exit == 0, $"exit code {exit}:\n{first.Tail()}");
            Assert.DoesNotContain("Unhandled exception", first.Tail(400));
        }

        var id = new RunId(Guid.Parse(victim.Id));
        await using (var db = OpenDb(scenario))
        {
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal((RunStatus.Queued, 2), (run.Status, run.Attempt));
            Assert.Contains(await db.RunLog.AsNoTracking().Where(l => l.RunId == id).Select(l => l.Message).ToListAsync(),
                m => m.Contains("lab-1 shut down during attempt 1; attempt 2 queued"));
        }

        using var second = new LabProcess("lab-2", scenario.Directory, settings);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using var http2 = new HttpClient { BaseAddress = second.Url, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddSeconds(150);
        CrashScenario.RunView? after = null;
        while (DateTime.UtcNow < deadline)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(await http2.GetStringAsync($"/api/runs/{victim.Id}"));
            var status = doc.RootElement.GetProperty("status").GetString();
            if (status is "Succeeded" or "Failed" or "Cancelled")
            {
                after = new(victim.Id, status, doc.RootElement.GetProperty("attempt").GetInt32(), doc.RootElement.GetProperty("worker").GetString(), null);
                break;
            }
            await Task.Delay(500);
        }
        Assert.True(after is not null, $"run {victim.Id} not finished after the restart:\n{second.Tail()}");
        Assert.Equal(("Succeeded", 2, "lab-2"), (after.Status, after.Attempt, after.Worker));
    }

    private static LabDbContext OpenDb(CrashScenario scenario)
    {
        var options = new DbContextOptionsBuilder<LabDbContext>();
        LabDbProvider.Configure(options, LabDbProvider.Sqlite, $"Data Source={Path.Combine(scenario.DataDirectory, "hiercore.db")};Pooling=false");
        return new LabDbContext(options.Options);
    }
}
