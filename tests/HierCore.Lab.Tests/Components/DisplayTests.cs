using System.Globalization;
using Bunit;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Reports;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Components;

public sealed class DisplayTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = BunitSetup.Create("demo");

    [Theory]
    [InlineData(RunStatus.Queued, "mud-chip-color-default")]
    [InlineData(RunStatus.Running, "mud-chip-color-info")]
    [InlineData(RunStatus.Succeeded, "mud-chip-color-success")]
    [InlineData(RunStatus.Failed, "mud-chip-color-error")]
    [InlineData(RunStatus.Cancelled, "mud-chip-color-warning")]
    public void A_status_chip_names_and_colours_its_status(RunStatus status, string colourClass)
    {
        var cut = _ctx.Render<StatusChip>(p => p.Add(c => c.Status, status));
        var chip = cut.Find(".status-chip");
        Assert.Equal(status.ToString(), chip.GetAttribute("data-status"));
        Assert.Contains(status.ToString(), chip.TextContent);
        Assert.Contains(colourClass, chip.ClassName);
    }

    [Fact]
    public void The_compare_matrix_shows_mean_and_std_over_seeds_and_na_pairs()
    {
        var runs = new[] { 0, 1 }.SelectMany(seed => new[]
        {
            Result("patchcore", Scenario.S1, seed), Result("patchcore", Scenario.S3, seed), Result("patchcore-oc", Scenario.S1, seed),
        }).ToList();
        var data = new CompareData(SweepId.New(), "t", "demo", runs, ["patchcore", "patchcore-oc"], ["S1", "S3"], runs.Count, runs.Count);

        var cut = _ctx.Render<CompareMatrix>(p => p.Add(c => c.Data, data).Add(c => c.Metric, "headline"));

        var a = runs.Where(r => r.Result.Method == "patchcore" && r.Result.Scenario == "S3").Select(r => r.Result.Headline).ToArray();
        var mean = (a[0] + a[1]) / 2;
        var std = Math.Abs(a[0] - a[1]) / Math.Sqrt(2); // sample std of two values
        var cell = cut.Find("tr[data-method=patchcore] td[data-scenario=S3]").TextContent.Trim();
        Assert.Equal($"{mean.ToString("F3", CultureInfo.InvariantCulture)} ± {std.ToString("F3", CultureInfo.InvariantCulture)}", cell);
        Assert.Equal("n/a", cut.Find("tr[data-method=patchcore-oc] .cell-na").TextContent.Trim());
    }

    [Fact]
    public void The_best_method_of_a_scenario_is_marked()
    {
        var runs = new[] { Result("patchcore", Scenario.S1, 0), Result("hiercore", Scenario.S1, 0) }.ToList();
        var data = new CompareData(SweepId.New(), "t", "demo", runs, ["patchcore", "hiercore"], ["S1"], 2, 2);
        var cut = _ctx.Render<CompareMatrix>(p => p.Add(c => c.Data, data).Add(c => c.Metric, "headline"));
        var best = runs.MaxBy(r => r.Result.Headline)!.Result.Method;
        Assert.Contains("cell-best", cut.Find($"tr[data-method={best}] td[data-scenario=S1]").ClassName);
        var other = runs.Single(r => r.Result.Method != best).Result.Method;
        Assert.DoesNotContain("cell-best", cut.Find($"tr[data-method={other}] td[data-scenario=S1]").ClassName);
    }

    [Fact]
    public void The_requirements_table_judges_each_measure_against_its_limit()
    {
        var rows = new[]
        {
            new RequirementMeasure(RequirementKind.R1MaxDelta, "hiercore", "max Δ", 0.02),      // at the limit: pass
            new RequirementMeasure(RequirementKind.R2HeadlineDrop, "hiercore", "S1 → S2", 0.0101), // just over: fail
            new RequirementMeasure(RequirementKind.R1MeanDelta, "hiercore", "mean Δ", 0.5),      // informational: no verdict
        }.Select(m => new RequirementRow(m, RequirementThresholds.For(m.Kind), RequirementThresholds.Passes(m))).ToList();
        var cut = _ctx.Render<RequirementsTable>(p => p.Add(c => c.Rows, rows));
        Assert.Single(cut.FindAll(".pass"));
        Assert.Single(cut.FindAll(".fail"));
        Assert.Equal(3, cut.FindAll("tbody tr").Count);
    }

    [Fact]
    public void Without_engine_measures_the_requirements_table_says_so()
    {
        var cut = _ctx.Render<RequirementsTable>(p => p.Add(c => c.Rows, null));
        Assert.Contains("not available", cut.Markup);
        Assert.Empty(cut.FindAll("tbody tr"));
    }

    [Fact]
    public void The_per_class_table_lists_every_class_with_its_values()
    {
        var result = FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = "hiercore", Scenario = Scenario.S1, Seed = 2 });
        var cut = _ctx.Render<ClassMetricsTable>(p => p.Add(c => c.Classes, result.PerClass));
        var rows = cut.FindAll("tbody tr");
        Assert.Equal(FakeExperimentRunner.Classes.Length, rows.Count);
        var grid = result.PerClass.Single(c => c.Class == "grid");
        Assert.Contains(rows, r => r.TextContent.Contains("grid") && r.TextContent.Contains(grid.ImageAuroc.ToString("F3", CultureInfo.InvariantCulture)));
    }

    private static StoredResult Result(string method, Scenario s, int seed) =>
        new(RunId.New(), FakeExperimentRunner.Build(new RunSpec { Dataset = "demo", Method = method, Scenario = s, Seed = seed }));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
