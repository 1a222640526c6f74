using HierCore.Engine.Contracts;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using Microsoft.AspNetCore.Components;

namespace HierCore.Lab.Components.Pages;

/// <summary>Method × scenario comparison of one sweep. Sweep, metric, scope and chart options live in the URL.</summary>
public partial class Compare
{
    [Inject] private CompareService CompareService { get; set; } = default!;
    [Inject] private RunQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [SupplyParameterFromQuery] public string? Sweep { get; set; }
    [SupplyParameterFromQuery] public string? Metric { get; set; }
    [SupplyParameterFromQuery] public string? Scope { get; set; }
    [SupplyParameterFromQuery(Name = "classmetric")] public string? ClassMetric { get; set; }
    [SupplyParameterFromQuery] public string? Errors { get; set; }
    [SupplyParameterFromQuery(Name = "heatmap")] public string? HeatMap { get; set; }
    /// <summary>"on": bars start at 0; default: the y axis spans the values (AUROC differences are small).</summary>
    [SupplyParameterFromQuery(Name = "yzero")] public string? YZero { get; set; }
    /// <summary>Pivot: rows and columns from method, scenario, dataset or a setting the sweep varies; the line chart's x and series.</summary>
    [SupplyParameterFromQuery] public string? Rows { get; set; }
    [SupplyParameterFromQuery] public string? Cols { get; set; }
    [SupplyParameterFromQuery] public string? X { get; set; }
    [SupplyParameterFromQuery] public string? Series { get; set; }

    private IReadOnlyList<string> _dimensions = [PivotDimensions.Method, PivotDimensions.Scenario, PivotDimensions.Dataset];
    private IReadOnlyList<string> _numeric = [];
    private string _rows = PivotDimensions.Method, _cols = PivotDimensions.Scenario, _x = "", _series = PivotDimensions.Method;

    /// <summary>The classic method × scenario matrix fits a sweep of one dataset without a grid.</summary>
    private bool IsPlainMatrix => _rows == PivotDimensions.Method && _cols == PivotDimensions.Scenario
        && _dimensions.Count == 3 && _data is { } d && PivotDimensions.Values(d, PivotDimensions.Dataset).Count < 2;
    /// <summary>Narrows the sweep list to sweeps carrying this tag.</summary>
    [SupplyParameterFromQuery] public string? Tag { get; set; }
    /// <summary>"show": archived sweeps are in the sweep list too.</summary>
    [SupplyParameterFromQuery] public string? Archived { get; set; }

    private readonly List<string> _problems = [];
    private IReadOnlyList<SweepSummary> _sweeps = [];
    private SweepId? _sweep;
    private CompareData? _data;
    private IReadOnlyList<RequirementRow>? _requirements;
    private IReadOnlyList<string> _missingRequirements = [];
    private string _metric = MetricKeys.Headline, _scope = "mean", _classMetric = MetricKeys.ImageAuroc;
    private bool _errorBars = true, _heatMap = true, _fromZero, _includeArchived;
    private string? _tag;
    private IReadOnlyList<string> _allTags = [], _sweepTags = [];

    protected override async Task OnParametersSetAsync()
    {
        _problems.Clear();
        _metric = Pick(Metric, MetricKeys.All, MetricKeys.Headline, "metric");
        _scope = Pick(Scope, MetricKeys.Scopes, "mean", "scope");
        _classMetric = Pick(ClassMetric, MetricKeys.Set, MetricKeys.ImageAuroc, "per-class metric");
        _errorBars = Errors != "off";
        _heatMap = HeatMap != "off";
        _fromZero = YZero == "on";
        _tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim().ToLowerInvariant();
        _includeArchived = Archived == "show";
        _allTags = await Queries.AllTagsAsync();
        _sweeps = await Queries.RecentSweepsAsync(50, includeArchived: _includeArchived, tag: _tag);

        _sweep = null;
        if (string.IsNullOrEmpty(Sweep)) _sweep = _sweeps.FirstOrDefault()?.Id;
        else if (!SweepId.TryParse(Sweep, out var id)) _problems.Add($"'{Sweep}' is not a sweep id.");
        else _sweep = id;
        await RefreshAsync();
    }

    protected override async Task RefreshAsync()
    {
        _data = _sweep is { } id ? await CompareService.LoadAsync(id) : null;
        if (_sweep is not null && _data is null) _problems.Add($"Sweep {_sweep} does not exist.");
        _requirements = _data is null ? [] : CompareService.Requirements(_data);
        _missingRequirements = _data is null ? [] : Reports.CompareService.MissingRequirements(_data);
        PickPivot();
        _sweepTags = _sweep is { } sid && await Queries.SweepAsync(sid) is { } summary ? summary.Tags : [];
        if (_data is not null && _sweeps.All(s => s.Id != _data.SweepId))
            _sweeps = [.. _sweeps, new SweepSummary(_data.SweepId, _data.SweepName, _data.Dataset, default, _data.TotalRuns, 0, 0, 0, 0, 0)];
    }

    private void PickPivot()
    {
        _dimensions = _data is null ? _dimensions : PivotDimensions.Available(_data);
        _numeric = _data is null ? [] : PivotDimensions.Varied(_data).Where(v => v.IsNumeric).Select(v => v.Name).ToList();
        _rows = Pick(Rows, _dimensions, PivotDimensions.Method, "rows");
        _cols = Pick(Cols, _dimensions, PivotDimensions.Scenario, "columns");
        _x = _numeric.Count == 0 ? "" : Pick(X, _numeric, _numeric[0], "line chart x");
        _series = Pick(Series, _dimensions.Where(d => d != _x).ToList(), PivotDimensions.Method, "series");
    }

    protected override bool Concerns(RunChanged change) => change.SweepId == _sweep && change.Status.IsFinal();

    private string Pick(string? value, IReadOnlyList<string> allowed, string fallback, string what)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (allowed.Contains(value)) return value;
        _problems.Add($"Unknown {what} '{value}' (use {string.Join(", ", allowed)}); showing {fallback}.");
        return fallback;
    }

    private void Set(string key, string? value) => UrlState.Update(Nav, new Dictionary<string, object?> { [key] = value });

    /// <summary>Charts are re-created only when what they show changes (Plotly charts do not diff their data).</summary>
    private string ChartKey => $"{_sweep}-{_metric}-{_scope}-{_errorBars}-{_fromZero}-{_data?.Results.Count}";

    private string ExportUrl(string format) =>
        $"api/sweeps/{_sweep}/compare.{format}?metric={Uri.EscapeDataString(_metric)}&scope={_scope}"
        + (IsPlainMatrix ? "" : $"&rows={Uri.EscapeDataString(_rows)}&cols={Uri.EscapeDataString(_cols)}");

    private Plotly.Blazor.Layout LinesLayout
    {
        get
        {
            var layout = Charts.Layout($"{MetricKeys.Label(_metric)} vs {_x}", _x, MetricKeys.Label(_metric), 340);
            layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 60, R = 16, T = 48, B = 48 };
            if (Charts.IsUnitInterval(_metric)) layout.YAxis[0].TickFormat = ".3f";
            // One line per series value and per scenario/dataset (never averaged across them): the legend says which.
            if (_data is { } d)
                layout.Legend[0].Title = new Plotly.Blazor.LayoutLib.LegendLib.Title
                {
                    Text = SweepCharts.LegendTitle(d, _x, _series), Side = Plotly.Blazor.LayoutLib.LegendLib.TitleLib.SideEnum.Top, // entries wrap below it
                };
            return layout;
        }
    }

    private Plotly.Blazor.Layout ParLayout
    {
        get
        {
            var layout = Charts.Layout($"Settings → {MetricKeys.Label(_metric)} (one line per run)", "", "", 340);
            layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 70, R = 70, T = 80, B = 30 };
            return layout;
        }
    }

    private Plotly.Blazor.Layout BarLayout
    {
        get
        {
            var layout = Charts.Layout($"{MetricKeys.Label(_metric)}{(MetricKeys.HasScope(_metric) ? $" ({_scope})" : "")} by scenario",
                "scenario", MetricKeys.Label(_metric), 340);
            layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
            if (!_fromZero && _data is not null && Charts.FocusRange(_data, _metric, _scope, _errorBars) is { } range)
                layout.YAxis[0].Range = [range.Min, range.Max];
            if (Charts.IsUnitInterval(_metric)) layout.YAxis[0].TickFormat = ".3f";
            return layout;
        }
    }

    private Plotly.Blazor.Layout HeatLayout
    {
        get
        {
            var layout = Charts.Layout($"Per-class {MetricKeys.Label(_classMetric)} (mean over seeds)", "", "", Math.Max(350, 150 + 34 * (_data?.Classes.Count ?? 1)));
            layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 90, R = 16, T = 40, B = 90 };
            layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed; // classes top-down, as in the table
            return layout;
        }
    }
}
