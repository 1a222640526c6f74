using HierCore.Lab.Data;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

[Collection(LabCollection.Name)]
public sealed class CancelTests(LabFactory lab)
{
    [Fact]
    public async Task A_running_run_stops_early_and_stores_no_result()
    {
        lab.Runner.StepDelay = TimeSpan.FromSeconds(2); // 20 steps: ~40 s if it were not cancelled
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore"], Scenarios = ["S4"], Seeds = [1] });
        var running = await http.WaitForRunsAsync(sweep, rs => rs.All(r => r.Status == "Running"), TimeSpan.FromSeconds(20));

        var response = await http.PostAsync($"/api/runs/{running[0].Id}/cancel", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        // Uncancelled, the run would take ~40 s more: final within 20 s means the cancel reached the runner.
        var final = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(20));
        Assert.Equal("Cancelled", final[0].Status);

        using var scope = lab.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var id = new RunId(Guid.Parse(final[0].Id));
        Assert.Null((await db.Runs.SingleAsync(r => r.Id == id)).ResultJson);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await http.PostAsync($"/api/runs/{final[0].Id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task A_queued_run_that_is_cancelled_never_starts_and_retry_makes_a_new_attempt()
    {
        lab.Runner.StepDelay = TimeSpan.FromSeconds(2);
        var http = lab.CreateClient();
        var startedBefore = lab.Runner.Started;
        // Concurrency is 2 in the test Lab: the third run waits in the queue.
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore"], Scenarios = ["S1", "S2", "S3"], Seeds = [3] });
        var runs = await http.WaitForRunsAsync(sweep, rs => rs.Count(r => r.Status == "Running") == 2, TimeSpan.FromSeconds(20));
        var queued = runs.Single(r => r.Status == "Queued");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await http.PostAsync($"/api/runs/{queued.Id}/cancel", null)).StatusCode);
        foreach (var r in runs.Where(r => r.Status == "Running"))
            await http.PostAsync($"/api/runs/{r.Id}/cancel", null);
        var final = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(10));
        Assert.All(final, r => Assert.Equal("Cancelled", r.Status));
        // A later sweep's run goes through the same FIFO queue: once it has finished, a wrongly surviving job of the
        // cancelled run would have been picked up before it.
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var (later, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["patchcore"], Scenarios = ["S1"], Seeds = [33] });
        await http.WaitForRunsAsync(later, rs => rs.All(r => r.Status == "Succeeded"), TimeSpan.FromSeconds(30));
        Assert.Equal(3, lab.Runner.Started - startedBefore); // the two running ones and the later one, never the cancelled queued one

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await http.PostAsync($"/api/runs/{queued.Id}/retry", null)).StatusCode);
        var retried = await http.WaitForRunsAsync(sweep, rs => rs.Any(r => r.Id == queued.Id && r.Status == "Succeeded"), TimeSpan.FromSeconds(20));
        Assert.Equal(2, retried.Single(r => r.Id == queued.Id).Attempt);
    }
}
