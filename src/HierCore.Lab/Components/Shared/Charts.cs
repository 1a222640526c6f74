using HierCore.Engine.Evaluation;
using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Reports;
using HierCore.Lab.Sweeps;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor;

namespace HierCore.Lab.Components.Shared;

/// <summary>Builds the Plotly figures of the Run and Compare pages from stored results.</summary>
public static class Charts
{
    public const string NormalColor = "#2e8b57", AnomalousColor = "#b3261e";
    public static readonly string[] Palette = ["#1f5f8b", "#c2571a", "#2e8b57", "#8e44ad", "#b8860b", "#d6336c", "#4b6584", "#20a4a4"];

    public static Config Config => new() { Responsive = true, DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False };

    public static Plotly.Blazor.Layout Layout(string title, string x, string y, int height = 320) => new()
    {
        Title = new Title { Text = title, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 14 } },
        Height = height,
        Margin = new Margin { L = 56, R = 16, T = 40, B = 48 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = x } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = y } }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.25m }],
    };

    /// <summary>ROC of normalised scores (pooled, as the deployable rule sees them), plus one curve per class.</summary>
    public static IList<ITrace> Roc(IReadOnlyList<ImageScore> scores)
    {
        var traces = new List<ITrace> { RocTrace("pooled (z)", scores.Select(s => (s.NormalizedScore, s.Label)).ToList(), "#17324d", 3) };
        var i = 0;
        foreach (var g in scores.GroupBy(s => s.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
            traces.Add(RocTrace(g.Key, g.Select(s => (s.Score, s.Label)).ToList(), Palette[i++ % Palette.Length], 1.5m));
        traces.Add(new Scatter { X = [0, 1], Y = [0, 1], Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, Name = "chance",
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Dash = "dot", Color = "#9aa3ad", Width = 1 }, ShowLegend = false });
        return traces;
    }

    private static Scatter RocTrace(string name, List<(double Score, bool Label)> points, string color, decimal width)
    {
        // The engine's ROC (every distinct threshold, ties as one diagonal step); a score that is not a number is
        // left out, and a class without normals or anomalies has no curve (the engine's NaN rates), only the origin.
        var finite = points.Where(p => double.IsFinite(p.Score)).ToArray();
        var curve = RocCurve.Compute(finite.Select(p => p.Score).ToArray(), finite.Select(p => p.Label).ToArray(), dropIntermediate: false);
        var drawable = curve.Fpr.All(double.IsFinite) && curve.Tpr.All(double.IsFinite);
        double[] fpr = drawable ? curve.Fpr : [0], tpr = drawable ? curve.Tpr : [0];
        return new Scatter { X = fpr.Cast<object>().ToList(), Y = tpr.Cast<object>().ToList(), Name = name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = width } };
    }

    /// <summary>Normals vs anomalies of one class as overlaid histograms; values beyond range.Max go in the last bin.</summary>
    public static IList<ITrace> Histogram(IEnumerable<ImageScore> scores, bool normalized, (double Min, double Max) range)
    {
        var list = scores.ToList();
        var size = (range.Max - range.Min) / 30;
        // Values past the range pile up in the last bin instead of vanishing (z of clear anomalies can reach 100).
        object Value(ImageScore s) => Math.Min(normalized ? s.NormalizedScore : s.Score, range.Max - size / 2);
        return
        [
            new Histogram { X = list.Where(s => !s.Label).Select(Value).ToList(), Name = "normal", Opacity = 0.65m,
                Marker = new Plotly.Blazor.Traces.HistogramLib.Marker { Color = NormalColor },
                XBins = new Plotly.Blazor.Traces.HistogramLib.XBins { Start = range.Min, End = range.Max, Size = size } },
            new Histogram { X = list.Where(s => s.Label).Select(Value).ToList(), Name = "anomalous", Opacity = 0.65m,
                Marker = new Plotly.Blazor.Traces.HistogramLib.Marker { Color = AnomalousColor },
                XBins = new Plotly.Blazor.Traces.HistogramLib.XBins { Start = range.Min, End = range.Max, Size = size } },
        ];
    }

    /// <summary>A vertical line across the plot (a threshold).</summary>
    public static Shape VerticalLine(double x, string color) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = x, X1 = x, Y0 = 0, Y1 = 1, YRef = "paper",
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = color, Width = 2, Dash = "dash" },
    };

    /// <summary>A small label at the top of a vertical line (paper y), e.g. the threshold's value.</summary>
    public static Annotation LineLabel(double x, string text, double y = 1.0) => new()
    {
        X = x, XRef = "x", Y = y, YRef = "paper", Text = text, ShowArrow = false, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
        YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Top, Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 11, Color = "#17324d" },
        BgColor = "rgba(255,255,255,0.8)",
    };

    /// <summary>Grouped bars: scenario on x, one bar per method, error bars = std over seeds.</summary>
    public static IList<ITrace> GroupedBars(CompareData d, string metric, string scope, bool errorBars) =>
        d.Methods.Select((m, i) =>
        {
            var cells = d.Scenarios.Select(s => d.IsApplicable(m, s) ? d.Cell(m, s, metric, scope) : default).ToList();
            return (ITrace)new Bar
            {
                Name = MethodCatalog.DisplayName(m), X = d.Scenarios.Cast<object>().ToList(),
                Y = cells.Select(c => c.HasValue ? (object)c.Mean : null!).ToList(),
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = Palette[i % Palette.Length] },
                ErrorY = new Plotly.Blazor.Traces.BarLib.ErrorY
                {
                    // With one seed std is 0 by definition: zero-height caps would only look like data.
                    Visible = errorBars && cells.Any(c => c.N > 1), Type = Plotly.Blazor.Traces.BarLib.ErrorYLib.TypeEnum.Data,
                    Array = cells.Select(c => (object)(c.Std ?? 0.0)).ToList(),
                },
            };
        }).ToList();

    /// <summary>A y range around the bars (with their error bars), so small differences stay visible.</summary>
    public static (double Min, double Max)? FocusRange(CompareData d, string metric, string scope, bool errorBars)
    {
        var cells = (from m in d.Methods from s in d.Scenarios where d.IsApplicable(m, s)
                     select d.Cell(m, s, metric, scope)).Where(c => c.HasValue).ToList();
        if (cells.Count == 0) return null;
        var lo = cells.Min(c => c.Mean - (errorBars ? c.Std ?? 0 : 0));
        var hi = cells.Max(c => c.Mean + (errorBars ? c.Std ?? 0 : 0));
        var pad = Math.Max((hi - lo) * 0.15, 0.01);
        // Scores in [0, 1] (AUROC, F1, accuracy): an axis above 1 suggests values that cannot exist.
        return (lo - pad, IsUnitInterval(metric) ? Math.Min(hi + pad, 1.0) : hi + pad);
    }

    /// <summary>Metrics bounded by [0, 1]; shown with 3 decimals and never on an axis past 1.</summary>
    public static bool IsUnitInterval(string metric) => metric == MetricKeys.Headline || MetricKeys.Set.Contains(metric) || metric == MetricKeys.RoutingAccuracy;

    /// <summary>Colour range of the per-class heat map: at least <paramref name="minSpan"/> wide, so a 0.005 difference
    /// between two near-perfect classes does not span the whole colour scale and read as good vs bad.</summary>
    public static (double Min, double Max)? HeatRange(CompareData d, string metric, double minSpan = 0.05)
    {
        var values = (from cls in d.Classes from c in d.Columns select d.ClassCell(cls, c.Method, c.Scenario, metric))
            .Where(s => s.HasValue).Select(s => s.Mean).ToList();
        if (values.Count == 0) return null;
        double lo = values.Min(), hi = values.Max();
        if (hi - lo >= minSpan) return (lo, hi);
        return IsUnitInterval(metric) ? (Math.Max(0, Math.Min(lo, hi - minSpan)), hi) : (lo - (minSpan - (hi - lo)) / 2, hi + (minSpan - (hi - lo)) / 2);
    }

    /// <summary>Per-class heat map: classes × (method, scenario), mean over seeds.</summary>
    public static IList<ITrace> ClassHeatMap(CompareData d, string metric)
    {
        var columns = d.Columns;
        return
        [
            new HeatMap
            {
                X = columns.Select(c => (object)$"{MethodCatalog.DisplayName(c.Method)} {c.Scenario}").ToList(),
                Y = d.Classes.Cast<object>().ToList(),
                Z = d.Classes.Select(cls => (object)columns.Select(c => d.ClassCell(cls, c.Method, c.Scenario, metric))
                    .Select(s => s.HasValue ? (object)Math.Round(s.Mean, 4) : null!).ToList()).ToList(),
                ColorScale = "Viridis",
                TextTemplate = "%{z:.3f}",
                ZMin = (decimal?)HeatRange(d, metric)?.Min, ZMax = (decimal?)HeatRange(d, metric)?.Max,
                ColorBar = new Plotly.Blazor.Traces.HeatMapLib.ColorBar { TickFormat = ".3f" },
            }
        ];
    }
}
