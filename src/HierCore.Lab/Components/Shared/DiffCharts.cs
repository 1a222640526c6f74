using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace HierCore.Lab.Components.Shared;

/// <summary>Score distributions of several runs overlaid: one colour per run, normals filled, anomalies outlined.</summary>
public static class DiffCharts
{
    public static IList<ITrace> Overlaid(IReadOnlyList<(string Name, IReadOnlyList<ImageScore> Scores)> runs, bool normalized)
    {
        var traces = new List<ITrace>();
        var all = runs.SelectMany(r => r.Scores).Select(s => normalized ? s.NormalizedScore : s.Score).Where(double.IsFinite).ToList();
        if (all.Count == 0) return traces;
        // Same bins for every run, so the bars line up; clear anomalies (z up to 100) go in the last bin.
        var lo = all.Min();
        var hi = normalized ? Math.Min(all.Max(), Math.Max(lo + 1, 12)) : all.Max();
        var size = Math.Max((hi - lo) / 40, 1e-6);
        object Value(ImageScore s) => Math.Min(normalized ? s.NormalizedScore : s.Score, hi - size / 2);
        for (var i = 0; i < runs.Count; i++)
        {
            var colour = Charts.Palette[i % Charts.Palette.Length];
            foreach (var anomalous in new[] { false, true })
                traces.Add(new Histogram
                {
                    Name = $"{runs[i].Name} {(anomalous ? "anomalous" : "normal")}",
                    X = runs[i].Scores.Where(s => s.Label == anomalous).Select(Value).ToList(),
                    Opacity = anomalous ? 0.35m : 0.5m,
                    Marker = new Plotly.Blazor.Traces.HistogramLib.Marker
                    {
                        Color = colour,
                        Line = new Plotly.Blazor.Traces.HistogramLib.MarkerLib.Line { Color = anomalous ? Charts.AnomalousColor : colour, Width = anomalous ? 1.5m : 0 },
                    },
                    XBins = new Plotly.Blazor.Traces.HistogramLib.XBins { Start = lo, End = hi, Size = size },
                });
        }
        return traces;
    }
}
