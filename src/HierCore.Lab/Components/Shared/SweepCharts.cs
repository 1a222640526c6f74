using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Methods;
using HierCore.Lab.Reports;
using HierCore.Lab.Sweeps;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using ParDimension = Plotly.Blazor.Traces.ParCoordsLib.Dimension;

namespace HierCore.Lab.Components.Shared;

/// <summary>The ablation figures of Compare: a metric against a numeric setting, and settings → metric in parallel coordinates.</summary>
public static class SweepCharts
{
    /// <summary>
    /// Dimensions a line is split by besides the series: scenario and dataset when the sweep has several values and
    /// neither is the x axis nor the series. Averaging over them would mix S1 (labels) with S4 (none) in one point.
    /// </summary>
    public static IReadOnlyList<string> Facets(CompareData d, string x, string series) =>
        new[] { PivotDimensions.Scenario, PivotDimensions.Dataset }
            .Where(f => f != x && f != series && PivotDimensions.Values(d, f).Count > 1).ToList();

    /// <summary>The legend's title: what a line stands for, e.g. "method · scenario".</summary>
    public static string LegendTitle(CompareData d, string x, string series) =>
        string.Join(" · ", Facets(d, x, series).Prepend(series));

    /// <summary>
    /// The metric against a numeric setting, one line per value of <paramref name="series"/> and of each facet
    /// (<see cref="Facets"/>), named "series · facet" in the legend; each point the mean over the runs at that x
    /// (seeds and the settings not shown), error bars one std.
    /// </summary>
    public static IList<ITrace> SettingLines(CompareData d, string x, string series, string metric, string scope, bool errorBars)
    {
        var facets = Facets(d, x, series);
        var slices = facets.Aggregate(new List<(string Label, CompareData Data)> { ("", d) }, (acc, facet) => acc
            .SelectMany(slice => PivotDimensions.Values(slice.Data, facet).Select(v =>
                (Label: slice.Label + " · " + v, Data: slice.Data with { Results = slice.Data.Results.Where(r => PivotDimensions.Value(r, facet) == v).ToList() })))
            .ToList());
        var traces = new List<ITrace>();
        var seriesKeys = PivotDimensions.Values(d, series).ToList();
        foreach (var (facet, (label, slice)) in slices.Index())
        {
            var table = PivotTable.Build(slice, series, x, metric, scope);
            for (var i = 0; i < table.RowKeys.Count; i++)
            {
                var s = table.RowKeys[i];
                var row = i;
                var points = table.ColKeys.Select((v, j) => (X: double.Parse(v, System.Globalization.CultureInfo.InvariantCulture), Cell: table.Cells[row, j]))
                    .Where(p => p.Cell.HasValue).ToList();
                if (points.Count == 0) continue;
                // Colour says the series value, the dash the scenario/dataset: a method's lines stay recognisable.
                traces.Add(Line((series == PivotDimensions.Method ? MethodCatalog.DisplayName(s) : s) + label, points,
                    Charts.Palette[seriesKeys.IndexOf(s) % Charts.Palette.Length], Dashes[facet % Dashes.Length], errorBars));
            }
        }
        return traces;
    }

    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];

    private static Scatter Line(string name, List<(double X, MeanStd Cell)> points, string color, string dash, bool errorBars) => new()
    {
        Name = name,
        X = points.Select(p => (object)p.X).ToList(), Y = points.Select(p => (object)p.Cell.Mean).ToList(),
        Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Dash = dash, Width = 2 },
        ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
        {
            Visible = errorBars && points.Any(p => p.Cell.N > 1), Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data,
            Array = points.Select(p => (object)(p.Cell.Std ?? 0)).ToList(),
        },
    };

    /// <summary>
    /// One line per run through its settings (every dimension of the sweep with more than one value) to the metric,
    /// coloured by the metric. Text values sit on evenly spaced ticks.
    /// </summary>
    public static IList<ITrace> ParallelCoordinates(CompareData d, string metric, string scope)
    {
        var dims = PivotDimensions.Available(d).Where(dim => PivotDimensions.Values(d, dim).Count > 1).ToList();
        var values = d.Results.Select(r => MetricKeys.Read(r.Result, metric, scope)).ToList();
        var dimensions = dims.Select(dim =>
        {
            var keys = PivotDimensions.Values(d, dim);
            if (PivotDimensions.IsNumeric(dim))
                return new ParDimension { Label = dim, Values = d.Results.Select(r => (object)double.Parse(PivotDimensions.Value(r, dim), System.Globalization.CultureInfo.InvariantCulture)).ToList() };
            return new ParDimension
            {
                Label = dim, Values = d.Results.Select(r => (object)keys.ToList().IndexOf(PivotDimensions.Value(r, dim))).ToList(),
                TickVals = Enumerable.Range(0, keys.Count).Cast<object>().ToList(), TickText = keys.Cast<object>().ToList(),
            };
        }).ToList();
        dimensions.Add(new ParDimension { Label = MetricKeys.Label(metric), Values = values.Select(v => (object)(double.IsFinite(v) ? v : 0)).ToList(), TickFormat = ".3f" });
        return
        [
            new ParCoords
            {
                Dimensions = dimensions,
                Line = new Plotly.Blazor.Traces.ParCoordsLib.Line
                {
                    ColorArray = values.Select(v => (object)(double.IsFinite(v) ? v : 0)).ToList(), ColorScale = "Viridis", ShowScale = true,
                },
            }
        ];
    }
}
