using System.Globalization;
using Bunit;
using HierCore.Engine.Contracts;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Reports;
using HierCore.Lab.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using Plotly.Blazor.Traces;

namespace HierCore.Lab.Tests.Components;

/// <summary>The run page's criteria table (pooled fallback), Compare's line chart per scenario, requirements with their inputs.</summary>
public sealed class CompareAndCriteriaTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = BunitSetup.Create("demo");

    [Fact]
    public void A_group_that_took_the_pooled_criterion_says_so_with_why()
    {
        var result = FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = "hiercore", Scenario = Scenario.S1 });
        var criteria = result.Criteria.ToList();
        Assert.All(criteria, c => Assert.Null(c.Fallback));
        criteria[1] = criteria[1] with { Group = "cluster-01", Samples = 0, Fallback = "pooled" };
        var contingency = new List<GroupClassCounts>
        {
            new(criteria[0].Group, new Dictionary<string, int> { ["disc"] = 6 }),
            new("cluster-01", new Dictionary<string, int> { ["disc"] = 0, ["grid"] = 1 }),
        };
        _ctx.Render<MudPopoverProvider>();
        var cut = _ctx.Render<ClassMetricsTable>(p => p.Add(c => c.Classes, result.PerClass).Add(c => c.Criteria, criteria).Add(c => c.TrainingImages, contingency));

        var rows = cut.FindAll("#criteria-table tbody tr");
        Assert.Equal(criteria.Count, rows.Count);
        var chip = Assert.Single(cut.FindAll(".pooled-chip"));
        Assert.Equal("pooled (1 training image)", chip.TextContent.Trim());
        Assert.Equal("cluster-01", chip.Closest("tr")!.GetAttribute("data-group"));
        Assert.Contains("0", cut.Find("tr[data-group=cluster-01]").TextContent);
        var tooltip = Assert.Single(cut.FindComponents<MudTooltip>()).Instance.Text;
        Assert.Contains("pooled over the method's other groups", tooltip);
        Assert.Contains("at least 2", tooltip);

        // Class groups (no contingency): the chip names the group's own sample instead.
        var plain = _ctx.Render<CriteriaTable>(p => p.Add(c => c.Criteria, [criteria[1] with { Group = "grid" }]));
        Assert.Equal("pooled (0 own scores)", plain.Find(".pooled-chip").TextContent.Trim());
    }

    [Fact]
    public void The_line_chart_draws_one_line_per_scenario_instead_of_averaging_them()
    {
        var runs = (from s in new[] { Scenario.S1, Scenario.S4 } from ratio in new[] { 0.01, 0.1 } from seed in new[] { 0, 1 }
                    select Stored("hiercore", s, seed, ratio)).ToList();
        var data = new CompareData(SweepId.New(), "t", "demo", runs, ["hiercore"], ["S1", "S4"], runs.Count, runs.Count);

        var traces = SweepCharts.SettingLines(data, "coreset_ratio", PivotDimensions.Method, "headline", "mean", errorBars: true).Cast<Scatter>().ToList();

        Assert.Equal(["HierCore · S1", "HierCore · S4"], traces.Select(t => t.Name));
        Assert.Equal("method · scenario", SweepCharts.LegendTitle(data, "coreset_ratio", PivotDimensions.Method));
        foreach (var (trace, scenario) in traces.Zip(new[] { "S1", "S4" }))
        {
            Assert.Equal([0.01, 0.1], trace.X.Cast<double>());
            var expected = new[] { 0.01, 0.1 }.Select(r => runs.Where(x => x.Result.Scenario == scenario && x.Result.Config.CoresetRatio == r).Average(x => x.Result.Headline));
            Assert.Equal(expected, trace.Y.Cast<double>(), (a, b) => Math.Abs(a - b) < 1e-12);
        }

        // Scenario as the series: one line per scenario already, nothing more to split.
        var byScenario = SweepCharts.SettingLines(data, "coreset_ratio", PivotDimensions.Scenario, "headline", "mean", errorBars: true);
        Assert.Equal(["S1", "S4"], byScenario.Cast<Scatter>().Select(t => t.Name));
        Assert.Equal("scenario", SweepCharts.LegendTitle(data, "coreset_ratio", PivotDimensions.Scenario));
    }

    [Fact]
    public void Requirements_without_their_runs_are_not_shown_and_the_missing_runs_are_named()
    {
        // No PatchCore-OC and only S1: neither R1, R2 nor stability can be measured.
        var runs = new[] { Stored("patchcore", Scenario.S1, 0), Stored("hiercore", Scenario.S1, 0) }.ToList();
        var data = new CompareData(SweepId.New(), "t", "demo", runs, ["patchcore", "hiercore"], ["S1"], 2, 2);
        var service = new CompareService(null!, new FakeRequirementMeasures(), NullLogger<CompareService>.Instance);

        var rows = service.Requirements(data)!;
        Assert.Empty(rows);
        var missing = CompareService.MissingRequirements(data);
        Assert.Equal(3, missing.Count);
        Assert.Contains(missing, m => m.StartsWith("R1") && m.Contains("PatchCore-OC in S1"));
        Assert.Contains(missing, m => m.StartsWith("R2") && m.Contains("S1 and S2") && m.Contains("only in S1"));
        Assert.Contains(missing, m => m.StartsWith("Stability") && m.Contains("two scenarios"));

        var cut = _ctx.Render<RequirementsTable>(p => p.Add(c => c.Rows, rows).Add(c => c.Missing, missing));
        Assert.Equal(3, cut.FindAll(".requirement-missing").Count);
        Assert.Empty(cut.FindAll("tbody tr"));
        Assert.DoesNotContain("No finished runs", cut.Markup);
    }

    [Fact]
    public void Requirements_are_shown_for_the_methods_whose_runs_the_sweep_has()
    {
        // PatchCore-OC in S1 (R1's reference); HierCore in S1 and S2 (R2, stability); PatchCore only in S1 (R1 only).
        var runs = new[] { Stored("patchcore-oc", Scenario.S1, 0), Stored("hiercore", Scenario.S1, 0), Stored("hiercore", Scenario.S2, 0), Stored("patchcore", Scenario.S1, 0) }.ToList();
        var data = new CompareData(SweepId.New(), "t", "demo", runs, ["patchcore", "patchcore-oc", "hiercore"], ["S1", "S2"], 4, 4);
        var service = new CompareService(null!, new FakeRequirementMeasures(), NullLogger<CompareService>.Instance);

        var rows = service.Requirements(data)!.Select(r => (RequirementInputs.Of(r.Measure.Kind), r.Measure.Method)).ToList();
        Assert.Contains((Requirement.R1, "hiercore"), rows);
        Assert.Contains((Requirement.R1, "patchcore"), rows);
        Assert.DoesNotContain((Requirement.R1, "patchcore-oc"), rows); // its only run is the reference itself
        Assert.Contains((Requirement.R2, "hiercore"), rows);
        Assert.DoesNotContain((Requirement.R2, "patchcore"), rows);
        Assert.Contains((Requirement.Stability, "hiercore"), rows);
        Assert.DoesNotContain((Requirement.Stability, "patchcore-oc"), rows);
        Assert.Empty(CompareService.MissingRequirements(data));
    }

    private static StoredResult Stored(string method, Scenario s, int seed, double ratio = 0.01) =>
        new(RunId.New(), FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = method, Scenario = s, Seed = seed, CoresetRatio = ratio }));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
