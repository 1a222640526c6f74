using HierCore.Lab.Components.Shared;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using HierCore.Lab.Records;
using HierCore.Lab.Reports;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HierCore.Lab.Components.Pages;

/// <summary>One sweep as a record: its tags and note, archive, and delete (after a confirmation naming runs and bytes).</summary>
public partial class SweepPage
{
    [Parameter] public string Id { get; set; } = "";

    [Inject] private RunQueries Queries { get; set; } = default!;
    [Inject] private RecordEdits Edits { get; set; } = default!;
    [Inject] private SweepDeletion Deletion { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private HierCore.Lab.Hosting.LabAccess Access { get; set; } = default!;
    [Inject] private Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Auth { get; set; } = default!;

    private SweepId _id;
    private SweepSummary? _sweep;
    private string? _note, _problem;
    private long _bytes;
    private bool _canWrite;

    protected override async Task OnParametersSetAsync()
    {
        _problem = null;
        _canWrite = await Access.CanWriteAsync(Auth);
        if (!SweepId.TryParse(Id, out _id)) { _problem = $"'{Id}' is not a sweep id."; _sweep = null; return; }
        await RefreshAsync();
    }

    protected override async Task RefreshAsync()
    {
        _sweep = await Queries.SweepAsync(_id);
        if (_sweep is null) { _problem = $"Sweep {Id} does not exist."; return; }
        _note = (await Edits.GetSweepAsync(_id))?.Note;
        _bytes = (await Deletion.PlanAsync(_id))?.Bytes ?? 0;
    }

    protected override bool Concerns(RunChanged change) => change.SweepId == _id;

    private async Task ArchiveAsync(bool archived)
    {
        if (!await Access.CanWriteAsync(Auth)) { Snackbar.Add("Sign in to archive sweeps.", Severity.Warning); return; }
        await Edits.SetArchivedAsync(_id, archived);
        Snackbar.Add(archived ? "Archived: hidden from the default lists." : "Unarchived.", Severity.Info);
        await RefreshAsync();
    }

    private async Task DeleteAsync()
    {
        if (!await Access.CanWriteAsync(Auth)) { Snackbar.Add("Sign in to delete sweeps.", Severity.Warning); return; }
        var plan = await Deletion.PlanAsync(_id);
        if (plan is null) { _problem = $"Sweep {Id} does not exist."; return; }
        var ok = await Dialogs.ShowMessageBoxAsync("Delete sweep?", ConfirmText(plan), yesText: "Delete", cancelText: "Keep it");
        if (ok != true) return;
        var done = await Deletion.DeleteAsync(_id);
        Snackbar.Add(done is null ? "It was already gone." : $"Deleted '{done.Name}': {done.Runs} runs, {Fmt.Bytes(done.Bytes)}.", Severity.Success);
        Nav.NavigateTo("");
    }

    /// <summary>What the confirmation says (public for the component test: the numbers must be the plan's).</summary>
    public static string ConfirmText(DeletionPlan plan) =>
        $"'{plan.Name}' will be deleted with its {plan.Runs} run{(plan.Runs == 1 ? "" : "s")}, their metrics and {Fmt.Bytes(plan.Bytes)} of stored artifacts"
        + (plan.Active > 0 ? $"; {plan.Active} queued or running run{(plan.Active == 1 ? " is" : "s are")} cancelled first." : ".")
        + " This cannot be undone.";
}
