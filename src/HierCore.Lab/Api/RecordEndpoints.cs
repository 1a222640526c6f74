using System.Text.Json.Serialization;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Records;
using HierCore.Lab.Reports;

namespace HierCore.Lab.Api;

/// <summary>Body of PATCH /api/sweeps/{id} and /api/runs/{id}: absent fields stay as they are.</summary>
public sealed class RecordPatchBody
{
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
    [JsonPropertyName("note")] public string? Note { get; set; }
}

/// <summary>The shared-record side of the API: sweeps with tags, notes, archive and delete; run tags and notes; scores.csv.</summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecordEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sweeps", ListSweeps);
        api.MapGet("/sweeps/{id}", GetSweep);
        api.MapMethods("/sweeps/{id}", ["PATCH"], PatchSweep).RequireLabWrite();
        api.MapPost("/sweeps/{id}/archive", (string id, RecordEdits edits, RunQueries q, CancellationToken ct) => Archive(id, true, edits, q, ct)).RequireLabWrite();
        api.MapPost("/sweeps/{id}/unarchive", (string id, RecordEdits edits, RunQueries q, CancellationToken ct) => Archive(id, false, edits, q, ct)).RequireLabWrite();
        api.MapDelete("/sweeps/{id}", DeleteSweep).RequireLabWrite();
        api.MapMethods("/runs/{id}", ["PATCH"], PatchRun).RequireLabWrite();
        api.MapGet("/runs/{id}/scores.csv", RunScoresCsv);
        api.MapGet("/runs/{id}/model", RunModel);
        api.MapDatasetEndpoints();
        api.MapGet("/storage", async (StorageService storage, CancellationToken ct) => Results.Ok(StorageJson(await storage.MeasureAsync(ct))));
        api.MapPost("/storage/evict", (StorageService storage) =>
        {
            var (features, banks) = storage.EvictNow();
            return Results.Ok(new { feature_cache = EvictionJson(features), bank_store = EvictionJson(banks) });
        }).RequireLabWrite();
        return api;
    }

    private static async Task<IResult> ListSweeps(RunQueries queries, CancellationToken ct, bool archived = false, string? tag = null, int size = 100) =>
        Results.Ok(new { sweeps = (await queries.RecentSweepsAsync(Math.Clamp(size, 1, 1000), ct, archived, tag)).Select(SweepJson) });

    private static async Task<IResult> GetSweep(string id, RunQueries queries, RecordEdits edits, SweepDeletion deletion, CancellationToken ct)
    {
        if (!SweepId.TryParse(id, out var sweepId)) return BadId(id, "sweep");
        var summary = await queries.SweepAsync(sweepId, ct);
        if (summary is null) return SweepMissing(id);
        var note = (await edits.GetSweepAsync(sweepId, ct))?.Note;
        var plan = await deletion.PlanAsync(sweepId, ct);
        return Results.Ok(SweepJson(summary, note, plan?.Bytes));
    }

    private static async Task<IResult> PatchSweep(string id, RecordPatchBody? body, RecordEdits edits, RunQueries queries, CancellationToken ct)
    {
        if (!SweepId.TryParse(id, out var sweepId)) return BadId(id, "sweep");
        if (body is null) return Results.BadRequest(new { errors = new[] { "Body: a JSON object with tags and/or note is required." } });
        var patch = new RecordPatch(body.Tags, body.Note);
        if (patch.Validate() is { Count: > 0 } errors) return Results.BadRequest(new { errors });
        if (!await edits.UpdateSweepAsync(sweepId, patch, ct)) return SweepMissing(id);
        return Results.Ok(SweepJson((await queries.SweepAsync(sweepId, ct))!, (await edits.GetSweepAsync(sweepId, ct))?.Note, null));
    }

    private static async Task<IResult> Archive(string id, bool archived, RecordEdits edits, RunQueries queries, CancellationToken ct)
    {
        if (!SweepId.TryParse(id, out var sweepId)) return BadId(id, "sweep");
        if (!await edits.SetArchivedAsync(sweepId, archived, ct)) return SweepMissing(id);
        return Results.Ok(SweepJson((await queries.SweepAsync(sweepId, ct))!, null, null));
    }

    private static async Task<IResult> DeleteSweep(string id, SweepDeletion deletion, CancellationToken ct)
    {
        if (!SweepId.TryParse(id, out var sweepId)) return BadId(id, "sweep");
        var plan = await deletion.DeleteAsync(sweepId, ct);
        return plan is null ? SweepMissing(id)
            : Results.Ok(new { id = plan.Id.ToString(), name = plan.Name, deleted_runs = plan.Runs, cancelled_runs = plan.Active, deleted_bytes = plan.Bytes });
    }

    private static async Task<IResult> PatchRun(string id, RecordPatchBody? body, RecordEdits edits, RunQueries queries, CancellationToken ct)
    {
        if (!RunId.TryParse(id, out var runId)) return BadId(id, "run");
        if (body is null) return Results.BadRequest(new { errors = new[] { "Body: a JSON object with tags and/or note is required." } });
        var patch = new RecordPatch(body.Tags, body.Note);
        if (patch.Validate() is { Count: > 0 } errors) return Results.BadRequest(new { errors });
        if (!await edits.UpdateRunAsync(runId, patch, ct)) return Results.NotFound(new { error = $"Run {id} does not exist." });
        return Results.Ok(RunJson.Detail((await queries.GetAsync(runId, ct))!));
    }

    private static Task<IResult> RunScoresCsv(string id, RunQueries queries, Jobs.IArtifactStore store, CancellationToken ct) =>
        RunArtifact(id, ArtifactKind.ScoresCsv, "text/csv", r => $"run-{r.Id.Short}-scores.csv", queries, store, ct,
            r => $"Run {id} has no scores.csv (status {r.Status}).");

    private static Task<IResult> RunModel(string id, RunQueries queries, Jobs.IArtifactStore store, CancellationToken ct) =>
        RunArtifact(id, ArtifactKind.Model, "application/octet-stream",
            r => $"{r.Method}-{r.Scenario}-seed{r.Seed}-{r.Id.Short}{HierCore.Engine.Models.ModelFile.Extension}", queries, store, ct,
            FittedModels.Missing);

    /// <summary>One artifact of a run, streamed from whichever store holds it (files or database).</summary>
    private static async Task<IResult> RunArtifact(string id, ArtifactKind kind, string contentType, Func<Run, string> fileName,
        RunQueries queries, Jobs.IArtifactStore store, CancellationToken ct, Func<Run, string> missing)
    {
        if (!RunId.TryParse(id, out var runId)) return BadId(id, "run");
        var detail = await queries.GetAsync(runId, ct);
        if (detail is null) return Results.NotFound(new { error = $"Run {id} does not exist." });
        var artifact = detail.Artifacts.FirstOrDefault(a => a.Kind == kind);
        if (artifact is null || await store.OpenAsync(artifact.RelativePath, ct) is not { } content)
            return Results.NotFound(new { error = missing(detail.Run) });
        return Results.Stream(content.Stream, contentType, fileName(detail.Run));
    }

    private static object StorageJson(StorageSnapshot s) => new
    {
        feature_cache = new { bytes = s.FeatureCacheBytes, budget_bytes = s.FeatureCacheBudget, partitions = s.FeatureCache.Select(PartitionJson) },
        bank_store = new { bytes = s.BankStoreBytes, budget_bytes = s.BankStoreBudget, partitions = s.BankStore.Select(PartitionJson) },
        artifacts = new
        {
            bytes = s.ArtifactBytes, orphan_bytes = s.OrphanArtifactBytes,
            sweeps = s.Sweeps.Select(w => new { id = w.Id.ToString(), name = w.Name, archived = w.Archived, runs = w.Runs, bytes = w.Bytes }),
        },
        database_bytes = s.DatabaseBytes, pending_model_bytes = s.PendingModelBytes,
    };

    private static object PartitionJson(HierCore.Engine.DiskBudget.CachePartition p) => new
    {
        folder = Path.GetFileName(p.Folder), settings = p.Settings, bytes = p.Bytes, files = p.Files, last_used_at = p.LastUsedUtc, in_use = p.InUse,
    };

    private static object EvictionJson(HierCore.Engine.DiskBudget.EvictionReport r) => new
    {
        bytes_before = r.BytesBefore, bytes_after = r.BytesAfter, budget_bytes = r.Budget, partitions_removed = r.PartitionsRemoved,
        entries_removed = r.EntriesRemoved, bytes_removed = r.BytesRemoved, partitions_kept_in_use = r.PartitionsKeptInUse, within_budget = r.WithinBudget,
    };

    internal static object SweepJson(SweepSummary s) => SweepJson(s, null, null);

    private static object SweepJson(SweepSummary s, string? note, long? bytes) => new
    {
        id = s.Id.ToString(), name = s.Name, dataset = s.Dataset, created_at = s.CreatedAt, tags = s.Tags, note,
        archived = s.ArchivedAt is not null, archived_at = s.ArchivedAt,
        runs = s.Runs, queued = s.Queued, running = s.Running, succeeded = s.Succeeded, failed = s.Failed, cancelled = s.Cancelled,
        artifact_bytes = bytes,
    };

    private static IResult BadId(string id, string what) => Results.BadRequest(new { errors = new[] { $"id: '{id}' is not a {what} id." } });
    private static IResult SweepMissing(string id) => Results.NotFound(new { error = $"Sweep {id} does not exist." });
}
