using System.Text;
using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Tests.Fakes;
using HierCore.Lab.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.RealEngine;

/// <summary>The issue's grid on the real engine: runs that differ only in criterion share their coresets, and their timings say so.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class GridSharingLabTests(RealLabFactory lab)
{
    [Fact]
    public async Task Runs_differing_only_in_criterion_reuse_the_coresets_of_their_twin()
    {
        var http = lab.CreateClient();
        var response = await http.PostAsync("/api/sweeps", new StringContent(GridSweepTests.IssueBody, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, doc.RootElement.GetProperty("runs").GetInt32());
        var sweep = new SweepId(Guid.Parse(doc.RootElement.GetProperty("id").GetString()!));
        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(300));
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));

        await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var stored = (await db.Runs.Where(r => r.SweepId == sweep).ToListAsync())
            .Select(r => (r.Id, r.StartedAt, Spec: LabJson.Deserialize<RunSpec>(r.SpecJson), Result: LabJson.Deserialize<RunResult>(r.ResultJson!))).ToList();
        var queries = lab.Services.GetRequiredService<HierCore.Lab.Reports.RunQueries>();
        async Task<List<double>> Scores(RunId id) => (await queries.ScoresAsync((await queries.GetAsync(id))!.Artifacts)).Select(s => s.Score).ToList();
        var twins = stored.GroupBy(s => (s.Spec.Scenario, s.Spec.CoresetRatio)).ToList();
        Assert.Equal(4, twins.Count);
        foreach (var pair in twins)
        {
            var (first, second) = (pair.MinBy(p => p.StartedAt), pair.MaxBy(p => p.StartedAt));
            Assert.NotEqual(first.Spec.Criterion, second.Spec.Criterion);
            var groups = second.Result.Criteria.Count;
            // Every group's coreset came from the cache (whole models when an earlier run had the same criterion too).
            Assert.Equal(groups, second.Result.Timings.CoresetsReused + second.Result.Timings.BanksReused);
            Assert.Equal(first.Result.Memory.BankEntries, second.Result.Memory.BankEntries);
            var (a, b) = (await Scores(first.Id), await Scores(second.Id));
            Assert.Equal(15, a.Count);                                                           // 3 classes × 5 test images
            Assert.Equal(a, b);                                                                  // same banks, same raw scores
        }
        // The folds criterion's runs report the reuse of coresets (the criterion itself was estimated anew).
        Assert.True(stored.Count(s => s.Result.Timings.CoresetsReused > 0) >= 2);
    }
}
