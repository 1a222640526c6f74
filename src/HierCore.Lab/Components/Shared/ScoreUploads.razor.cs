using HierCore.Lab.Hosting;
using HierCore.Lab.Records;
using HierCore.Lab.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using EngineProgress = HierCore.Engine.Contracts.RunProgress;

namespace HierCore.Lab.Components.Shared;

public partial class ScoreUploads
{
    /// <summary>The run whose fitted model scores the images (nothing is shown unless it succeeded and kept a model).</summary>
    [Parameter] public RunDetail? Detail { get; set; }

    [Inject] private UploadScoring Scoring { get; set; } = default!;
    [Inject] private LabAccess Access { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;

    private IReadOnlyList<IBrowserFile> _files = [];
    private IReadOnlyList<string> _classes = [];
    private string? _class;
    private bool _canWrite;
    private bool _busy;
    private string? _error;
    private EngineProgress? _progress;
    private IReadOnlyList<UploadScore> _scored = [];
    /// <summary>Cancelled when the page goes away: a scoring nobody will see stops (and frees the scorer for others).</summary>
    private readonly CancellationTokenSource _gone = new();

    protected override async Task OnParametersSetAsync()
    {
        _canWrite = await Access.CanWriteAsync(Auth);
        _classes = Detail is { } d ? UploadScoring.ClassChoices(d) : [];
        if (_class is not null && !_classes.Contains(_class)) _class = null;
    }

    private void Choose(InputFileChangeEventArgs e)
    {
        _scored = [];
        _error = null;
        // Counted before asking for the list: GetMultipleFiles throws past its maximum.
        if (e.FileCount > Scoring.MaxFiles) { _files = []; _error = $"Too many files: {e.FileCount} chosen, at most {Scoring.MaxFiles} at a time."; return; }
        _files = e.GetMultipleFiles(Scoring.MaxFiles);
        if (Scoring.CheckSelection(_files.Select(f => (f.Name, f.Size)).ToList()) is { } refused) { _error = refused.Error; _files = []; }
    }

    private async Task ScoreAsync()
    {
        if (Detail is null || _files.Count == 0 || _busy) return;
        if (!await Access.CanWriteAsync(Auth)) { _error = "Sign in to score images."; return; }
        (_busy, _error, _scored, _progress) = (true, null, [], null);
        try
        {
            var images = new List<UploadedImage>();
            foreach (var file in _files)
            {
                // Streamed from the browser over the circuit; the size limit is enforced again by the stream.
                await using var stream = file.OpenReadStream(Scoring.MaxFileBytes, _gone.Token);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, _gone.Token);
                images.Add(new UploadedImage(file.Name, buffer.ToArray()));
            }
            var progress = new Progress<EngineProgress>(p => { _progress = p; _ = InvokeAsync(StateHasChanged); });
            var result = await Scoring.ScoreAsync(Detail.Run.Id, images, _class, progress, _gone.Token);
            if (result.Refusal == UploadRefusal.None) _scored = result.Images;
            else _error = result.Error;
        }
        catch (OperationCanceledException) when (_gone.IsCancellationRequested) { return; }
        catch (IOException e) { _error = $"Could not read the chosen files from the browser: {e.Message}"; }
        finally { _busy = false; }
    }

    private double ProgressPercent => _progress is { Total: > 0 } p ? 100.0 * p.Done / p.Total : 0;

    private string ProgressText => _progress is { } p ? $"{p.Phase}: {p.Message} {(p.Total > 0 ? $"{p.Done}/{p.Total}" : "")}" : "reading the files…";

    public void Dispose()
    {
        _gone.Cancel();
        _gone.Dispose();
    }
}
