using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.RealEngine;

[Collection(RealEngineCollection.Name)]
public sealed class RealSweepTests(RealLabFactory lab)
{
    [Fact]
    public async Task A_sweep_runs_the_real_engine_and_compare_measures_come_from_its_results()
    {
        var http = lab.CreateClient();
        var (sweep, count) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = "demo", Methods = ["patchcore", "patchcore-oc", "hiercore"], Scenarios = ["S1", "S4"], Seeds = [0], CoresetRatio = 0.05,
        });
        Assert.Equal(5, count); // patchcore-oc has no S4 run: not applicable

        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(240));
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));

        await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var ids = runs.Select(r => new RunId(Guid.Parse(r.Id))).ToList();
        var runRows = await db.Runs.Where(r => ids.Contains(r.Id)).ToListAsync();
        Assert.Equal(5, runRows.Count(r => r.Headline is not null));
        var results = runRows.Select(r => LabJson.Deserialize<RunResult>(r.ResultJson!)).ToList();
        foreach (var result in results) // every class once per run, never twice
            Assert.Equal(RealLabFactory.TinyDemo.Classes!.Order(StringComparer.Ordinal), result.PerClass.Select(c => c.Class).Order(StringComparer.Ordinal));
        Assert.All(results.SelectMany(r => r.PerClass), c => Assert.InRange(c.ImageAuroc, 0, 1));

        // scores.csv holds one row per test image (3 classes × 5 images).
        var csvRow = await db.Artifacts.FirstAsync(a => a.RunId == ids[0] && a.Kind == ArtifactKind.ScoresCsv);
        var csv = await http.GetStringAsync("/artifacts/" + csvRow.RelativePath);
        Assert.Equal(1 + 15, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Compare: requirement rows computed from the stored real results, checked against the stored results by hand.
        var compare = lab.Services.GetRequiredService<CompareService>();
        var data = await compare.LoadAsync(sweep);
        Assert.NotNull(data);
        Assert.Equal(5, data.Results.Count);
        var rows = compare.Requirements(data)!;
        RunResult Stored(string method, string scenario) => LabJson.Deserialize<RunResult>(runRows.Single(r => r.Method == method && r.Scenario == scenario).ResultJson!);
        double Auroc(string method, string scenario, string cls) => Stored(method, scenario).PerClass.Single(c => c.Class == cls).ImageAuroc;
        double Headline(string method, string scenario) => runRows.Single(r => r.Method == method && r.Scenario == scenario).Headline!.Value;

        var maxDelta = RealLabFactory.TinyDemo.Classes!.Max(c => Auroc("patchcore-oc", "S1", c) - Auroc("hiercore", "S4", c));
        var r1 = rows.Single(r => r.Measure.Kind == RequirementKind.R1MaxDelta && r.Measure.Method == "hiercore" && r.Measure.Detail.Contains("in S4"));
        Assert.Equal(maxDelta, r1.Measure.Value, 9);
        Assert.Equal(RequirementThresholds.Passes(r1.Measure), r1.Pass);
        var stability = rows.Single(r => r.Measure.Kind == RequirementKind.Stability && r.Measure.Method == "patchcore");
        Assert.Equal(Math.Abs(Headline("patchcore", "S1") - Headline("patchcore", "S4")), stability.Measure.Value, 9);
        Assert.DoesNotContain(rows, r => r.Measure.Method == RequirementMeasures.ReferenceMethod && r.Measure.Kind == RequirementKind.R1MaxDelta);

        // The Compare page renders them.
        var page = await http.GetStringAsync($"/compare?sweep={sweep}");
        Assert.Contains("Requirements", page);
    }
}
