using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

[Collection(LabCollection.Name)]
public sealed class SweepEndToEndTests(LabFactory lab)
{
    [Fact]
    public async Task A_sweep_runs_through_Hangfire_and_stores_every_result_once()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var http = lab.CreateClient();
        var before = lab.Runner.Completed;
        var (sweep, count) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = "demo", Methods = ["patchcore", "patchcore-oc"], Scenarios = ["S1", "S3"], Seeds = [0, 1],
        });
        Assert.Equal(6, count); // patchcore: S1,S3 × 2 seeds; patchcore-oc: S1 only (S3 not applicable) × 2 seeds

        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal);
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));
        Assert.Equal(6, lab.Runner.Completed - before);

        using var scope = lab.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var ids = runs.Select(r => new RunId(Guid.Parse(r.Id))).ToList();
        var stored = await db.Runs.Where(r => ids.Contains(r.Id)).ToListAsync();
        Assert.Equal(6, stored.Count(r => r.Headline is not null));
        var results = stored.Select(r => LabJson.Deserialize<RunResult>(r.ResultJson!)).ToList();
        Assert.All(results, r => Assert.Single(r.PerClass, c => c.Class == "grid"));
        Assert.All(results, r => Assert.Equal("v1", r.MetricDefinitionVersion));

        var paths = lab.Services.GetRequiredService<LabPaths>();
        var artifacts = await db.Artifacts.Where(a => ids.Contains(a.RunId)).ToListAsync();
        Assert.Equal(6 * (1 + FakeExperimentRunner.Classes.Length), artifacts.Count); // scores.csv + one map per class
        Assert.All(artifacts, a => Assert.True(File.Exists(paths.ResolveUnderData(a.RelativePath)), a.RelativePath));

        var csv = await http.GetStringAsync($"/api/sweeps/{sweep}/results.csv");
        Assert.Equal(1 + 6, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_results_csv_headline_equals_the_stored_result()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(5);
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore"], Scenarios = ["S2"], Seeds = [7] });
        await http.WaitForRunsAsync(sweep, LabClient.AllFinal);
        var expected = FakeExperimentRunner.Build(new Engine.Contracts.RunSpec
            { Dataset = "demo", Method = "hiercore", Scenario = Engine.Contracts.Scenario.S2, Seed = 7 }).Headline;
        var row = (await http.GetStringAsync($"/api/sweeps/{sweep}/results.csv")).Split('\n')[1].Split(',');
        Assert.Equal(expected, double.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture), 12);

        // The run log records every phase the runner reported, in order, before the success line.
        await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var runId = new RunId(Guid.Parse(row[0]));
        var log = await db.RunLog.Where(l => l.RunId == runId).OrderBy(l => l.Id).Select(l => l.Message).ToListAsync();
        var phases = log.Where(m => m.StartsWith("Phase ")).Select(m => m[6..]).ToList();
        Assert.Equal(RunPhases.All.Select(p => p.Name), phases);
        Assert.True(log.FindIndex(m => m.Contains("succeeded")) > log.FindLastIndex(m => m.StartsWith("Phase ")), string.Join(" | ", log));
    }
}
