using System.Globalization;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Reports;
using Microsoft.AspNetCore.Components;

namespace HierCore.Lab.Components.Pages;

/// <summary>
/// Two or more runs side by side: their settings (from the engine's registry) with the differing ones marked,
/// headline and per-class metrics with the difference to the first run, and their score distributions
/// overlaid. The run ids are the URL (<c>/diff?runs=a,b</c>), so the view is linkable.
/// </summary>
public partial class RunDiff
{
    public const int MaxRuns = 8;

    [Inject] private RunQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "runs")] public string? RunIds { get; set; }
    [SupplyParameterFromQuery(Name = "scores")] public string? ScoreMode { get; set; }

    private readonly List<string> _problems = [];
    private readonly List<RunDetail> _runs = [];
    private readonly Dictionary<RunId, IReadOnlyList<ImageScore>> _scores = [];
    private bool _normalized = true;

    protected override async Task OnParametersSetAsync()
    {
        _problems.Clear();
        _runs.Clear();
        _normalized = ScoreMode != "raw";
        var ids = (RunIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (ids.Count > MaxRuns) { _problems.Add($"At most {MaxRuns} runs at once; showing the first {MaxRuns}."); ids = ids.Take(MaxRuns).ToList(); }
        foreach (var text in ids)
        {
            if (!RunId.TryParse(text, out var id)) { _problems.Add($"'{SweepRequestClip(text)}' is not a run id."); continue; }
            var detail = await Queries.GetAsync(id);
            if (detail is null) { _problems.Add($"Run {text} does not exist."); continue; }
            if (detail.Result is null) { _problems.Add($"Run {id.Short} has no result yet ({detail.Run.Status})."); continue; }
            _runs.Add(detail);
            if (!_scores.ContainsKey(id))
                _scores[id] = detail.Result.Scores.Count > 0 ? detail.Result.Scores : await Queries.ScoresAsync(detail.Artifacts);
        }
        if (ids.Count > 0 && _runs.Count < 2 && _problems.Count == 0) _problems.Add("A diff needs at least two runs with results.");
    }

    private IReadOnlyList<ImageScore> Scores(RunDetail r) => _scores.TryGetValue(r.Run.Id, out var s) ? s : [];

    /// <summary>Identity first, then every registered setting (a new setting shows up here by itself).</summary>
    private IEnumerable<(string Name, List<string> Values)> SettingRows
    {
        get
        {
            yield return ("dataset", _runs.Select(r => r.Run.Dataset).ToList());
            yield return ("method", _runs.Select(r => r.Run.Method).ToList());
            yield return ("scenario", _runs.Select(r => r.Run.Scenario).ToList());
            yield return ("seed", _runs.Select(r => r.Run.Seed.ToString(CultureInfo.InvariantCulture)).ToList());
            foreach (var s in RunSettings.All)
                yield return (s.Name, _runs.Select(r => s.Format(r.Result!.Config)).ToList());
        }
    }

    private IEnumerable<(string Name, List<double> Values)> MetricRows
    {
        get
        {
            yield return ("headline", _runs.Select(r => r.Result!.Headline).ToList());
            foreach (var m in new[] { MetricKeys.ImageAuroc, MetricKeys.ImageF1Deployable })
                foreach (var scope in MetricKeys.Scopes)
                    yield return ($"{MetricKeys.Label(m)} ({scope})", _runs.Select(r => MetricKeys.Read(r.Result!, m, scope)).ToList());
            var classes = _runs.SelectMany(r => r.Result!.PerClass.Select(c => c.Class)).Distinct().Order(StringComparer.Ordinal);
            foreach (var cls in classes)
                foreach (var m in new[] { MetricKeys.ImageAuroc, MetricKeys.ImageF1Deployable })
                    yield return ($"{cls} · {MetricKeys.Label(m)}", _runs.Select(r => r.Result!.PerClass.FirstOrDefault(c => c.Class == cls) is { } c ? MetricKeys.Read(c, m) : double.NaN).ToList());
        }
    }

    private static bool Differs(List<double> values) => values.Where(double.IsFinite).Select(v => Math.Round(v, 4)).Distinct().Count() > 1;

    private static string Cell(List<double> values, int i)
    {
        var v = values[i];
        if (!double.IsFinite(v)) return "–";
        var text = v.ToString("F3", CultureInfo.InvariantCulture);
        if (i == 0 || !double.IsFinite(values[0])) return text;
        var delta = v - values[0];
        return Math.Abs(delta) < 0.0005 ? text : $"{text} ({delta.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)})";
    }

    private void Set(string key, string? value) => UrlState.Update(Nav, new Dictionary<string, object?> { [key] = value });

    private static string SweepRequestClip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private Plotly.Blazor.Layout ScoresLayout
    {
        get
        {
            var layout = Charts.Layout($"Score distributions ({(_normalized ? "z" : "raw")}), normal and anomalous per run", _normalized ? "z" : "score", "images", 360);
            layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Overlay;
            return layout;
        }
    }
}
