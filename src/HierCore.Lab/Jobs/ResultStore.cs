using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Stores a finished run: artifact files first, then artifact rows + result JSON + Succeeded in one
/// transaction that first deletes any rows an earlier attempt left, so a run is never half-written or counted twice.
/// </summary>
public sealed class ResultStore(IDbContextFactory<LabDbContext> dbs, LabPaths paths, RunLifecycle lifecycle)
{
    /// <summary>False when the run is no longer this attempt's to finish (cancelled, re-queued elsewhere).</summary>
    public async Task<bool> SaveSucceededAsync(RunId id, int attempt, RunResult result, CancellationToken ct)
    {
        var files = await WriteArtifactFilesAsync(id, attempt, result, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The ownership check and the status change are one conditional UPDATE: it locks the row (PostgreSQL) or the
        // file (SQLite) until commit, so a re-queue by another worker's stale check cannot slip in between.
        var now = lifecycle.Now;
        var resultJson = LabJson.Serialize(result);
        double? headline = double.IsFinite(result.Headline) ? result.Headline : null;
        var owned = await db.Runs
            .Where(r => r.Id == id && r.Attempt == attempt && r.Status == RunStatus.Running && !r.CancelRequested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Succeeded).SetProperty(r => r.ResultJson, resultJson)
                .SetProperty(r => r.Headline, headline).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.HeartbeatAt, now)
                .SetProperty(r => r.Phase, "done").SetProperty(r => r.Progress, 1.0).SetProperty(r => r.Error, (string?)null), ct);
        if (owned == 0)
        {
            await tx.RollbackAsync(ct);
            DeleteAttemptFiles(id, attempt); // cancelled (or taken over) while the files were written
            return false;
        }

        await db.Artifacts.Where(a => a.RunId == id).ExecuteDeleteAsync(ct);
        db.Artifacts.AddRange(files);
        db.RunLog.Add(new RunLogLine { RunId = id, At = now, Level = "info",
            Message = $"Attempt {attempt} succeeded: headline {result.Headline:F4}, {result.PerClass.Count} classes, {result.Scores.Count} scored images." });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        RemoveOtherAttempts(id, attempt);
        await lifecycle.PublishAsync(id, ct);
        return true;
    }

    /// <summary>Removes the files of one attempt (and the run's folder when nothing else is in it).</summary>
    public void DeleteAttemptFiles(RunId id, int attempt)
    {
        var runDir = Path.Combine(paths.ArtifactsDirectory, id.Value.ToString("N"));
        try
        {
            var dir = Path.Combine(runDir, $"a{attempt}");
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            if (Directory.Exists(runDir) && !Directory.EnumerateFileSystemEntries(runDir).Any()) Directory.Delete(runDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private async Task<List<Artifact>> WriteArtifactFilesAsync(RunId id, int attempt, RunResult result, CancellationToken ct)
    {
        // Only this attempt's folder: a presumed-dead earlier attempt that still finishes must not delete the files
        // of the attempt that owns the run now. Other attempts' folders go after the commit (RemoveOtherAttempts).
        var dir = Path.Combine(RunDirectory(id), $"a{attempt}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(Path.Combine(dir, "maps"));
        var rows = new List<Artifact>();

        var csvPath = Path.Combine(dir, "scores.csv");
        await File.WriteAllTextAsync(csvPath, ScoresCsv.Write(result.Scores), ct);
        rows.Add(new Artifact { RunId = id, Kind = ArtifactKind.ScoresCsv, RelativePath = Relative(csvPath) });
        if (Records.FittedModels.TakeOver(result, dir) is { } model)
            rows.Add(new Artifact { RunId = id, Kind = ArtifactKind.Model, RelativePath = Relative(model) });

        for (var i = 0; i < result.Maps.Count; i++)
        {
            var map = result.Maps[i];
            var file = Path.Combine(dir, "maps", $"{i:D3}_{Safe(map.Class)}_{Safe(Path.GetFileNameWithoutExtension(map.Image))}.png");
            await File.WriteAllBytesAsync(file, map.Png, ct);
            rows.Add(new Artifact { RunId = id, Kind = ArtifactKind.AnomalyMap, RelativePath = Relative(file),
                Class = map.Class, Image = map.Image, Label = map.Label, Score = map.Score });
        }
        return rows;
    }

    private string RunDirectory(RunId id) => Path.Combine(paths.ArtifactsDirectory, id.Value.ToString("N"));

    private void RemoveOtherAttempts(RunId id, int attempt)
    {
        foreach (var old in Directory.EnumerateDirectories(RunDirectory(id), "a*").Where(d => Path.GetFileName(d) != $"a{attempt}"))
            try { Directory.Delete(old, recursive: true); } catch (IOException) { } // best effort: never fails a stored run
    }

    private string Relative(string full) => Path.GetRelativePath(paths.DataDirectory, full).Replace('\\', '/');

    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').Take(40).ToArray());
}
