using System.Globalization;
using System.Net;
using System.Text;
using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

/// <summary>Issue 13's done-when checks on the API with the fake runner: the grid POST, the pivoted CSV, the commands, the diff.</summary>
[Collection(LabCollection.Name)]
public sealed class GridSweepTests(LabFactory lab)
{
    public const string IssueBody =
        """{"dataset":["demo"],"methods":["hiercore"],"scenarios":["S1","S4"],"seeds":[0],"coreset_ratio":[0.01,0.02],"criterion":["leave-image-out","folds:3"]}""";

    [Fact]
    public async Task The_issue_grid_queues_eight_runs_and_compare_csv_pivots_by_criterion_and_scenario()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(2);
        var http = lab.CreateClient();
        // Seed 0 may already be queued by another test's identical request: this body differs only in its name.
        var body = IssueBody.Replace("{\"dataset\"", "{\"name\":\"issue-13 grid\",\"dataset\"");
        var response = await http.PostAsync("/api/sweeps", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal(8, doc.RootElement.GetProperty("runs").GetInt32());
        var sweep = new SweepId(Guid.Parse(doc.RootElement.GetProperty("id").GetString()!));

        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal);
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));
        await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var stored = (await db.Runs.Where(r => r.SweepId == sweep).ToListAsync())
            .Select(r => (Spec: LabJson.Deserialize<RunSpec>(r.SpecJson), Result: LabJson.Deserialize<RunResult>(r.ResultJson!))).ToList();
        Assert.Equal(8, stored.Select(s => (s.Spec.Scenario, s.Spec.CoresetRatio, s.Spec.Criterion)).Distinct().Count());
        Assert.All(stored, s => Assert.Equal(("demo", "hiercore", 0), (s.Spec.Dataset, s.Spec.Method, s.Spec.Seed)));

        var csv = await http.GetStringAsync($"/api/sweeps/{sweep}/compare.csv?rows=criterion&cols=scenario");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("criterion,scenario=S1 mean,scenario=S1 std,scenario=S1 n,scenario=S4 mean,scenario=S4 std,scenario=S4 n", lines[0]);
        Assert.Equal(["folds:3", "leave-image-out"], lines[1..3].Select(l => l.Split(',')[0]));
        foreach (var line in lines[1..3])
        {
            var cells = line.Split(',');
            foreach (var (scenario, at) in new[] { ("S1", 1), ("S4", 4) })
            {
                // Written out by hand from the stored results: the two coreset ratios of this criterion and scenario.
                var values = stored.Where(s => s.Spec.Criterion == cells[0] && s.Spec.Scenario.ToString() == scenario).Select(s => s.Result.Headline).ToList();
                Assert.Equal(2, values.Count);
                Assert.Equal(values.Average(), double.Parse(cells[at], CultureInfo.InvariantCulture), 12);
                Assert.Equal(Math.Abs(values[0] - values[1]) / Math.Sqrt(2), double.Parse(cells[at + 1], CultureInfo.InvariantCulture), 12);
                Assert.Equal("2", cells[at + 2]);
            }
        }

        // A dimension the sweep does not have is named, not guessed.
        var bad = await http.GetAsync($"/api/sweeps/{sweep}/compare.csv?rows=lambda&cols=scenario");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'lambda' is not a dimension of this sweep", await bad.Content.ReadAsStringAsync());
        var markdown = await http.GetStringAsync($"/api/sweeps/{sweep}/compare.md?rows=coreset_ratio&cols=criterion");
        Assert.Contains("| coreset_ratio \\ criterion | folds:3 | leave-image-out |", markdown);

        // The sweep's runs page shows the command that makes it again; each run page its own.
        var runsPage = WebUtility.HtmlDecode(await http.GetStringAsync($"/runs?sweep={sweep}"));
        Assert.Contains("hiercore sweep --dataset demo --methods hiercore --scenarios S1,S4 --seeds 0 --grid coreset-ratio=0.01,0.02 --grid criterion=leave-image-out,folds:3", runsPage);
        var one = await db.Runs.FirstAsync(r => r.SweepId == sweep && r.Scenario == "S4" && r.SpecJson.Contains("folds:3") && r.SpecJson.Contains("0.02"));
        var runPage = WebUtility.HtmlDecode(await http.GetStringAsync($"/runs/{one.Id}"));
        Assert.Contains("hiercore run --dataset demo --method hiercore --scenario S4 --seed 0 --coreset-ratio 0.02 --criterion folds:3", runPage);

        // The diff of two runs marks the setting that differs and only that one.
        var other = await db.Runs.FirstAsync(r => r.SweepId == sweep && r.Scenario == "S4" && r.SpecJson.Contains("leave-image-out") && r.SpecJson.Contains("0.02"));
        var diff = await http.GetStringAsync($"/diff?runs={one.Id},{other.Id}");
        Assert.Matches("class=\"diff-row\" data-setting=\"criterion\"", diff);
        Assert.DoesNotMatch("class=\"diff-row\" data-setting=\"coreset_ratio\"", diff);
    }
}
