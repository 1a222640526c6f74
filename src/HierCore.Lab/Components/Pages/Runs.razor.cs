using HierCore.Engine.Methods;
using HierCore.Engine.Contracts;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using HierCore.Lab.Sweeps;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HierCore.Lab.Components.Pages;

/// <summary>The run table. Every filter, sort, page and grouping is in the query string, so the URL is the view.</summary>
public partial class Runs
{
    public static readonly IReadOnlyList<string> GroupFields = ["method", "scenario", "status"];

    [Inject] private RunQueries Queries { get; set; } = default!;
    [Inject] private RunCommands Commands { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private HierCore.Lab.Hosting.LabAccess Access { get; set; } = default!;
    [Inject] private Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Auth { get; set; } = default!;
    /// <summary>Cancel and retry are offered only to users who may use them (Auth:Enabled).</summary>
    private bool _canWrite;

    [SupplyParameterFromQuery] public string? Sweep { get; set; }
    [SupplyParameterFromQuery] public string? Status { get; set; }
    [SupplyParameterFromQuery] public string? Method { get; set; }
    [SupplyParameterFromQuery] public string? Scenario { get; set; }
    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? Tag { get; set; }
    /// <summary>"show": runs of archived sweeps are listed too.</summary>
    [SupplyParameterFromQuery] public string? Archived { get; set; }
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    // Read as text: Blazor throws on "desc=maybe" or "page=99999999999" before the page could say anything.
    [SupplyParameterFromQuery(Name = "desc")] public string? DescText { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageText { get; set; }
    [SupplyParameterFromQuery(Name = "size")] public string? SizeText { get; set; }
    private bool? Desc => bool.TryParse(DescText, out var d) ? d : null;
    private int? Page => int.TryParse(PageText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
    private int? PageSize => int.TryParse(SizeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
    [SupplyParameterFromQuery] public string? Group { get; set; }

    private MudDataGrid<RunRow>? _grid;
    private readonly List<string> _problems = [];
    private SweepId? _sweep;
    private string? _sweepName;
    private RunStatus? _status;
    private string? _method, _scenario, _group, _sort, _tag;
    private bool _includeArchived;
    private IReadOnlyList<string> _allTags = [];
    private int _page, _size = 25;
    private RunFilter? _loadedFilter;
    private List<RunId> _selected = [];
    /// <summary>The settings the filtered sweep varies, and whether it spans datasets (extra columns only then).</summary>
    private IReadOnlyList<HierCore.Engine.Contracts.RunSetting> _varied = [];
    private bool _manyDatasets;
    private string? _sweepCommand;

    private string DiffUrl => $"diff?runs={string.Join(',', _selected)}";

    /// <summary>What a sweep's stored request says about its grid, and the `hiercore sweep` command that reproduces it.</summary>
    private async Task ReadSweepRequestAsync(SweepId id)
    {
        _varied = []; _manyDatasets = false; _sweepCommand = null;
        if (await Queries.SweepRequestJsonAsync(id) is not { } json) return;
        try
        {
            var request = LabJson.Deserialize<SweepRequest>(json);
            var errors = new List<string>();
            var definition = request.ToDefinition(request.Dataset ?? [], RunSettings.Defaults.Device, errors);
            var plan = HierCore.Engine.Sweeps.SweepPlanner.Plan(definition, int.MaxValue);
            _varied = plan.Varied.Select(v => v.Setting).ToList();
            _manyDatasets = definition.Datasets.Count > 1;
            _sweepCommand = HierCore.Engine.Sweeps.ReproduceCommand.Sweep(definition);
        }
        catch (System.Text.Json.JsonException) { } // a request stored by an older version or a load test: no command
    }

    protected override async Task OnParametersSetAsync()
    {
        _problems.Clear();
        _canWrite = await Access.CanWriteAsync(Auth);
        _sweep = null; _sweepName = null;
        if (!string.IsNullOrEmpty(Sweep))
        {
            if (!SweepId.TryParse(Sweep, out var id)) _problems.Add($"'{Sweep}' is not a sweep id; showing runs of every sweep.");
            else if (await Queries.SweepAsync(id) is { } s) { _sweep = id; _sweepName = s.Name; await ReadSweepRequestAsync(id); }
            else _problems.Add($"Sweep {Sweep} does not exist; showing runs of every sweep.");
        }
        _status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<RunStatus>(Status, true, out var st)) _status = st;
            else _problems.Add($"Unknown status '{Status}'; showing every status.");
        }
        _method = Known(Method, MethodCatalog.Names, "method");
        _scenario = Known(Scenario, [.. NewSweep.ScenarioLabels.Keys], "scenario");
        _group = Known(Group, GroupFields, "grouping");
        _sort = Known(Sort, RunQueries.SortFields, "sort column");
        _allTags = await Queries.AllTagsAsync();
        _tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim().ToLowerInvariant();
        _includeArchived = Archived == "show";
        _page = Math.Max(0, Page ?? 0);
        _size = PageSize is { } s2 && s2 is > 0 and <= 100 ? s2 : 25;

        var filter = CurrentFilter;
        if (_grid is not null && _loadedFilter is not null && filter != _loadedFilter) await _grid.ReloadServerData();
    }

    private string? Known(string? value, IReadOnlyList<string> allowed, string what)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (allowed.Contains(value)) return value;
        _problems.Add($"Unknown {what} '{value}' (use {string.Join(", ", allowed)}); ignored.");
        return null;
    }

    /// <summary>"tag:x" words of the search box and the tag filter both narrow the list (a run must carry every tag).</summary>
    private RunFilter CurrentFilter
    {
        get
        {
            var (text, tags) = SearchText.Parse(Q);
            if (_tag is not null && !tags.Contains(_tag)) tags = [.. tags, _tag];
            return new(_sweep, _status, _method, _scenario, text, tags, _includeArchived);
        }
    }

    private SortDirection Dir(string field) =>
        _sort == field ? (Desc == true ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private async Task<GridData<RunRow>> LoadAsync(GridState<RunRow> state, CancellationToken ct)
    {
        var sortDef = state.SortDefinitions.FirstOrDefault();
        var sort = sortDef is null ? _sort : SortField(sortDef.SortBy);
        var desc = sortDef?.Descending ?? Desc ?? false;
        var filter = _loadedFilter = CurrentFilter;
        var page = await Queries.QueryAsync(filter, sort ?? "created", sort is null || desc, state.Page, state.PageSize, ct);
        SyncUrl(sort, sort is null ? null : desc, state.Page, state.PageSize);
        return new GridData<RunRow> { Items = page.Items, TotalItems = page.Total };
    }

    /// <summary>Sort and paging changes made in the grid go to the URL (replace: no history entry per click).</summary>
    private void SyncUrl(string? sort, bool? desc, int page, int size)
    {
        if (sort == _sort && desc == (_sort is null ? null : Desc ?? false) && page == _page && size == _size) return;
        UrlState.Update(Nav, new Dictionary<string, object?>
        {
            ["sort"] = sort, ["desc"] = desc == true ? true : null, ["page"] = page == 0 ? null : page, ["size"] = size == 25 ? null : size,
        });
    }

    private static string? SortField(string? property) => property switch
    {
        "Method" => "method", "Scenario" => "scenario", "Seed" => "seed", "Status" => "status", "Headline" => "headline",
        "Progress" => "progress", "CreatedAt" => "created", _ => null
    };

    private void SetFilter(string name, string? value) =>
        UrlState.Update(Nav, new Dictionary<string, object?>
        {
            [name.ToLowerInvariant()] = string.IsNullOrWhiteSpace(value) ? null : value, ["page"] = null,
        });

    protected override async Task RefreshAsync()
    {
        if (_grid is not null) await _grid.ReloadServerData();
    }

    protected override bool Concerns(RunChanged change) => _sweep is null || change.SweepId == _sweep;

    private async Task CancelAsync(RunId id)
    {
        if (!await Access.CanWriteAsync(Auth)) { Snackbar.Add("Sign in to cancel runs.", Severity.Warning); return; }
        var outcome = await Commands.CancelAsync(id);
        Snackbar.Add(outcome == CommandOutcome.Done ? $"Cancel requested for run {id.Short}." : $"Run {id.Short} has already finished.",
            outcome == CommandOutcome.Done ? Severity.Info : Severity.Warning);
    }

    private async Task RetryAsync(RunId id)
    {
        if (!await Access.CanWriteAsync(Auth)) { Snackbar.Add("Sign in to retry runs.", Severity.Warning); return; }
        var outcome = await Commands.RetryAsync(id);
        Snackbar.Add(outcome == CommandOutcome.Done ? $"Run {id.Short} queued again." : $"Run {id.Short} cannot be retried now.",
            outcome == CommandOutcome.Done ? Severity.Success : Severity.Warning);
    }
}
