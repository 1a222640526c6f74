using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HierCore.Lab.Components.Pages;

public partial class RunPage
{
    [Parameter] public string Id { get; set; } = "";
    /// <summary>Score histograms on raw scores ("raw", default) or normalised z ("z").</summary>
    [SupplyParameterFromQuery] public string? Scores { get; set; }

    [Inject] private RunQueries Queries { get; set; } = default!;
    [Inject] private RunCommands Commands { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private HierCore.Lab.Hosting.LabAccess Access { get; set; } = default!;
    [Inject] private Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Auth { get; set; } = default!;
    /// <summary>Cancel and retry are offered only to users who may use them (Auth:Enabled).</summary>
    private bool _canWrite;

    private RunDetail? _detail;
    private IReadOnlyList<ImageScore> _scores = [];
    private string? _problem;
    private RunId _id;
    private int _scoresForAttempt = -1;

    protected override async Task OnParametersSetAsync()
    {
        _problem = null;
        _canWrite = await Access.CanWriteAsync(Auth);
        if (!RunId.TryParse(Id, out _id)) { _problem = $"'{Id}' is not a run id."; _detail = null; return; }
        if (Scores is not (null or "raw" or "z")) Scores = null;
        await RefreshAsync();
    }

    protected override async Task RefreshAsync()
    {
        _detail = await Queries.GetAsync(_id);
        if (_detail is null) { _problem = $"Run {Id} does not exist."; return; }
        if (_detail.Run.Status == RunStatus.Succeeded && _scoresForAttempt != _detail.Run.Attempt)
        {
            _scores = await Queries.ScoresAsync(_detail.Artifacts);
            _scoresForAttempt = _detail.Run.Attempt;
        }
    }

    protected override bool Concerns(RunChanged change) => change.RunId == _id;

    private void SetScoreMode(bool normalized) =>
        UrlState.Update(Nav, new Dictionary<string, object?> { ["scores"] = normalized ? "z" : null });

    private async Task CancelAsync()
    {
        if (!await Access.CanWriteAsync(Auth)) { Snackbar.Add("Sign in to cancel runs.", Severity.Warning); return; }
        await Commands.CancelAsync(_id);
        Snackbar.Add("Cancel requested.", Severity.Info);
        await RefreshAsync();
    }

    private async Task RetryAsync()
    {
        if (!await Access.CanWriteAsync(Auth)) { Snackbar.Add("Sign in to retry runs.", Severity.Warning); return; }
        await Commands.RetryAsync(_id);
        Snackbar.Add("Queued again as a new attempt.", Severity.Success);
        await RefreshAsync();
    }

    /// <summary>Legend on the right (one entry per class would otherwise squeeze the plot); axes pinned to [0, 1].</summary>
    private static Plotly.Blazor.Layout RocLayout
    {
        get
        {
            var layout = Charts.Layout("Image-level ROC · pooled on z, per class on raw score", "false positive rate", "true positive rate", 400);
            layout.Legend = [new Plotly.Blazor.LayoutLib.Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.V, X = 1.02m, Y = 1m }];
            layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 52, R = 8, T = 40, B = 46 };
            layout.XAxis[0].Range = [-0.01, 1.01];
            layout.YAxis[0].Range = [-0.01, 1.02];
            return layout;
        }
    }

    private static IEnumerable<(string, string)> ConfigRows(RunDetail d)
    {
        using var doc = JsonDocument.Parse(d.Run.SpecJson);
        foreach (var p in doc.RootElement.EnumerateObject())
            if (p.Name != "feature_key") yield return (p.Name, p.Value.ToString());
    }
}
