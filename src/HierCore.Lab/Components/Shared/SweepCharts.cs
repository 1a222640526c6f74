using HierCore.Engine.Contracts;
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
    /// The metric against a numeric setting, one line per value of <paramref name="series"/>; each point the mean
    /// over the runs at that x (seeds and the dimensions not shown), error bars one std.
    /// </summary>
    public static IList<ITrace> SettingLines(CompareData d, string x, string series, string metric, string scope, bool errorBars)
    {
        var xs = PivotDimensions.Values(d, x);
        var table = PivotTable.Build(d, series, x, metric, scope);
        return table.RowKeys.Select((s, i) =>
        {
            var cells = Enumerable.Range(0, xs.Count).Select(j => table.Cells[i, j]).ToList();
            var points = xs.Select((v, j) => (X: double.Parse(v, System.Globalization.CultureInfo.InvariantCulture), Cell: cells[j])).Where(p => p.Cell.HasValue).ToList();
            return (ITrace)new Scatter
            {
                Name = series == PivotDimensions.Method ? MethodCatalog.DisplayName(s) : s,
                X = points.Select(p => (object)p.X).ToList(), Y = points.Select(p => (object)p.Cell.Mean).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Charts.Palette[i % Charts.Palette.Length], Width = 2 },
                ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
                {
                    Visible = errorBars && points.Any(p => p.Cell.N > 1), Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data,
                    Array = points.Select(p => (object)(p.Cell.Std ?? 0)).ToList(),
                },
            };
        }).ToList();
    }

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
