using HierCore.Engine.Contracts;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Reports;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Unit;

public sealed class PivotTests
{
    /// <summary>hiercore × S1, S4 × seeds 0, 1 × coreset ratio {0.01, 0.1} × λ {2, 3}, with headlines written out.</summary>
    private static CompareData Grid()
    {
        var results = new List<StoredResult>();
        foreach (var s in new[] { Scenario.S1, Scenario.S4 })
            foreach (var ratio in new[] { 0.01, 0.1 })
                foreach (var lambda in new[] { 2.0, 3.0 })
                    foreach (var seed in new[] { 0, 1 })
                    {
                        var spec = new RunSpec { Dataset = "demo", Method = "hiercore", Scenario = s, Seed = seed, CoresetRatio = ratio, Lambda = lambda };
                        // headline = 0.5 + ratio + (S4 ? 0.1 : 0) + seed * 0.01: λ changes nothing, as in the engine.
                        results.Add(new StoredResult(RunId.New(), FakeExperimentRunner.Build(spec) with { Headline = 0.5 + ratio + (s == Scenario.S4 ? 0.1 : 0) + seed * 0.01 }));
                    }
        return new CompareData(SweepId.New(), "grid", "demo", results, ["hiercore"], ["S1", "S4"], results.Count, results.Count);
    }

    [Fact]
    public void Dimensions_are_method_scenario_dataset_and_the_varied_settings_in_registry_order()
    {
        Assert.Equal(["method", "scenario", "dataset", "coreset_ratio", "lambda"], PivotDimensions.Available(Grid()));
        Assert.Equal(["0.01", "0.1"], PivotDimensions.Values(Grid(), "coreset_ratio"));
    }

    [Fact]
    public void A_pivot_cell_is_the_mean_and_std_over_every_run_in_it()
    {
        var t = PivotTable.Build(Grid(), "coreset_ratio", "scenario", MetricKeys.Headline, "mean");
        Assert.Equal(["0.01", "0.1"], t.RowKeys);
        Assert.Equal(["S1", "S4"], t.ColKeys);
        // ratio 0.1, S4: seeds 0 and 1 under λ 2 and 3 → 0.70, 0.71, 0.70, 0.71.
        Assert.Equal(0.705, t.Cells[1, 1].Mean, 12);
        Assert.Equal(4, t.Cells[1, 1].N);
        Assert.Equal(Math.Sqrt(4 * 0.005 * 0.005 / 3), t.Cells[1, 1].Std!.Value, 12);
        var csv = PivotExport.Csv(t, MetricKeys.Headline, "mean").Split('\n');
        Assert.Equal("coreset_ratio,scenario=S1 mean,scenario=S1 std,scenario=S1 n,scenario=S4 mean,scenario=S4 std,scenario=S4 n", csv[0]);
        Assert.StartsWith("0.1,0.605,", csv[2]);
    }

    [Fact]
    public void The_line_chart_has_one_series_per_value_and_the_parcoords_one_axis_per_varied_dimension()
    {
        var lines = SweepCharts.SettingLines(Grid(), "coreset_ratio", "scenario", MetricKeys.Headline, "mean", true);
        Assert.Equal(2, lines.Count);
        var s1 = Assert.IsType<Plotly.Blazor.Traces.Scatter>(lines[0]);
        Assert.Equal([0.01, 0.1], s1.X.Cast<double>());
        Assert.Equal(0.515, (double)s1.Y[0], 12);
        var par = Assert.IsType<Plotly.Blazor.Traces.ParCoords>(Assert.Single(SweepCharts.ParallelCoordinates(Grid(), MetricKeys.Headline, "mean")));
        Assert.Equal(["scenario", "coreset_ratio", "lambda", "Headline"], par.Dimensions.Select(d => d.Label));
        Assert.All(par.Dimensions, d => Assert.Equal(16, d.Values.Count));
        var json = System.Text.Json.JsonSerializer.Serialize(par);
        Assert.Contains("parcoords", json);
    }
}
