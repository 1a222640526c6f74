using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Reports;

public sealed record RunRow(RunId Id, SweepId SweepId, string SweepName, string Method, string Scenario, string Dataset, int Seed,
    RunStatus Status, int Attempt, string? Phase, int ProgressDone, int ProgressTotal, double Progress, DateTime CreatedAt,
    DateTime? StartedAt, DateTime? FinishedAt, double? Headline, string? Error, string? Worker, string? SpecJson = null, string RunTags = "", string SweepTags = "")
{
    /// <summary>The run's value of a registered setting, read from its spec ("" when the spec cannot be read).</summary>
    public string Setting(HierCore.Engine.Contracts.RunSetting setting)
    {
        if (SpecJson is null) return "";
        try { return setting.Format(LabJson.Deserialize<RunSpec>(SpecJson)); }
        catch (System.Text.Json.JsonException) { return ""; }
    }

    /// <summary>The run's own tags, then its sweep's (a run is found by either).</summary>
    public IReadOnlyList<string> Tags => [.. TagList.Decode(RunTags), .. TagList.Decode(SweepTags).Except(TagList.Decode(RunTags))];
}

/// <summary>
/// Tags: every one must be on the run or on its sweep. Runs of archived sweeps are left out unless IncludeArchived
/// or the filter names their sweep.
/// </summary>
public sealed record RunFilter(SweepId? Sweep = null, RunStatus? Status = null, string? Method = null, string? Scenario = null, string? Search = null,
    IReadOnlyList<string>? Tags = null, bool IncludeArchived = false)
{
    // Records compare lists by reference; the pages compare filters to know when to reload.
    public bool Equals(RunFilter? other) => other is not null && Sweep == other.Sweep && Status == other.Status && Method == other.Method
        && Scenario == other.Scenario && Search == other.Search && IncludeArchived == other.IncludeArchived
        && (Tags ?? []).SequenceEqual(other.Tags ?? []);
    public override int GetHashCode() => HashCode.Combine(Sweep, Status, Method, Scenario, Search, IncludeArchived, Tags?.Count);
}

public sealed record RunPage(IReadOnlyList<RunRow> Items, int Total);

public sealed record SweepSummary(SweepId Id, string Name, string Dataset, DateTime CreatedAt, int Runs, int Queued, int Running, int Succeeded, int Failed, int Cancelled,
    string StoredTags = "", DateTime? ArchivedAt = null)
{
    public IReadOnlyList<string> Tags => TagList.Decode(StoredTags);
}

public sealed record RunDetail(Run Run, RunSpec? Spec, RunResult? Result, IReadOnlyList<Artifact> Artifacts, IReadOnlyList<RunLogLine> Log, string SweepName);

/// <summary>Read side of the run tables: server-side filter, sort and paging for the Runs grid and the API.</summary>
public sealed class RunQueries(IDbContextFactory<LabDbContext> dbs, Jobs.IArtifactStore store)
{
    public static readonly IReadOnlyList<string> SortFields = ["created", "method", "scenario", "seed", "status", "headline", "progress", "started", "finished"];

    public async Task<RunPage> QueryAsync(RunFilter f, string? sort, bool descending, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Runs.AsNoTracking().AsQueryable();
        if (f.Sweep is { } sw) q = q.Where(r => r.SweepId == sw);
        if (f.Status is { } st) q = q.Where(r => r.Status == st);
        if (!string.IsNullOrWhiteSpace(f.Method)) q = q.Where(r => r.Method == f.Method);
        if (!string.IsNullOrWhiteSpace(f.Scenario)) q = q.Where(r => r.Scenario == f.Scenario);
        if (!f.IncludeArchived && f.Sweep is null) q = q.Where(r => r.Sweep!.ArchivedAt == null);
        foreach (var marker in (f.Tags ?? []).Select(TagList.Marker))
            q = q.Where(r => r.Tags.Contains(marker) || r.Sweep!.Tags.Contains(marker));
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim().ToLower();
            q = q.Where(r => r.Method.ToLower().Contains(s) || r.Dataset.ToLower().Contains(s) || r.Sweep!.Name.ToLower().Contains(s)
                || (r.Error != null && r.Error.ToLower().Contains(s)) || r.Tags.Contains(s) || r.Sweep!.Tags.Contains(s)
                || (r.Note != null && r.Note.ToLower().Contains(s)) || (r.Sweep!.Note != null && r.Sweep!.Note.ToLower().Contains(s)));
        }
        var total = await q.CountAsync(ct);
        q = (sort ?? "created", descending) switch
        {
            ("method", false) => q.OrderBy(r => r.Method).ThenBy(r => r.Id), ("method", true) => q.OrderByDescending(r => r.Method).ThenBy(r => r.Id),
            ("scenario", false) => q.OrderBy(r => r.Scenario).ThenBy(r => r.Id), ("scenario", true) => q.OrderByDescending(r => r.Scenario).ThenBy(r => r.Id),
            ("seed", false) => q.OrderBy(r => r.Seed).ThenBy(r => r.Id), ("seed", true) => q.OrderByDescending(r => r.Seed).ThenBy(r => r.Id),
            ("status", false) => q.OrderBy(r => r.Status).ThenBy(r => r.Id), ("status", true) => q.OrderByDescending(r => r.Status).ThenBy(r => r.Id),
            ("headline", false) => q.OrderBy(r => r.Headline).ThenBy(r => r.Id), ("headline", true) => q.OrderByDescending(r => r.Headline).ThenBy(r => r.Id),
            ("progress", false) => q.OrderBy(r => r.Progress).ThenBy(r => r.Id), ("progress", true) => q.OrderByDescending(r => r.Progress).ThenBy(r => r.Id),
            ("started", false) => q.OrderBy(r => r.StartedAt).ThenBy(r => r.Id), ("started", true) => q.OrderByDescending(r => r.StartedAt).ThenBy(r => r.Id),
            ("finished", false) => q.OrderBy(r => r.FinishedAt).ThenBy(r => r.Id), ("finished", true) => q.OrderByDescending(r => r.FinishedAt).ThenBy(r => r.Id),
            (_, false) => q.OrderBy(r => r.CreatedAt).ThenBy(r => r.Method).ThenBy(r => r.Scenario).ThenBy(r => r.Seed),
            (_, true) => q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Method).ThenBy(r => r.Scenario).ThenBy(r => r.Seed),
        };
        var items = await q.Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(r => new RunRow(r.Id, r.SweepId, r.Sweep!.Name, r.Method, r.Scenario, r.Dataset, r.Seed, r.Status, r.Attempt, r.Phase,
                r.ProgressDone, r.ProgressTotal, r.Progress, r.CreatedAt, r.StartedAt, r.FinishedAt, r.Headline, r.Error, r.Worker, r.SpecJson, r.Tags, r.Sweep!.Tags))
            .ToListAsync(ct);
        return new RunPage(items, total);
    }

    public async Task<RunDetail?> GetAsync(RunId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.AsNoTracking().Include(r => r.Sweep).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.RunId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var log = await db.RunLog.AsNoTracking().Where(l => l.RunId == id).OrderBy(l => l.At).ThenBy(l => l.Id).ToListAsync(ct);
        RunSpec? spec = null; RunResult? result = null;
        try { spec = LabJson.Deserialize<RunSpec>(run.SpecJson); } catch (System.Text.Json.JsonException) { }
        if (run.ResultJson is not null)
            try { result = LabJson.Deserialize<RunResult>(run.ResultJson); } catch (System.Text.Json.JsonException) { }
        return new RunDetail(run, spec, result, artifacts, log, run.Sweep?.Name ?? "");
    }

    public async Task<IReadOnlyList<ImageScore>> ScoresAsync(IReadOnlyList<Artifact> artifacts, CancellationToken ct = default)
    {
        var csv = artifacts.FirstOrDefault(a => a.Kind == ArtifactKind.ScoresCsv);
        if (csv is null || await store.OpenAsync(csv.RelativePath, ct) is not { } content) return [];
        await using (content)
        using (var reader = new StreamReader(content.Stream))
            return HierCore.Engine.Contracts.ScoresCsv.Read(await reader.ReadToEndAsync(ct));
    }

    /// <summary>Newest first; archived sweeps only when asked; with a tag, only sweeps carrying it.</summary>
    public async Task<IReadOnlyList<SweepSummary>> RecentSweepsAsync(int count, CancellationToken ct = default, bool includeArchived = false, string? tag = null)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Sweeps.AsNoTracking();
        if (!includeArchived) q = q.Where(s => s.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(tag)) { var m = TagList.Marker(tag); q = q.Where(s => s.Tags.Contains(m)); }
        return await q.OrderByDescending(s => s.CreatedAt).Take(count).Select(Summary).ToListAsync(ct);
    }

    /// <summary>One sweep, archived or not; null when it does not exist.</summary>
    public async Task<SweepSummary?> SweepAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Sweeps.AsNoTracking().Where(s => s.Id == id).Select(Summary).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every tag in use on sweeps and runs, for the tag filters.</summary>
    public async Task<IReadOnlyList<string>> AllTagsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stored = await db.Sweeps.AsNoTracking().Where(s => s.Tags != "").Select(s => s.Tags)
            .Union(db.Runs.AsNoTracking().Where(r => r.Tags != "").Select(r => r.Tags)).ToListAsync(ct);
        return stored.SelectMany(TagList.Decode).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<Sweep, SweepSummary>> Summary = s => new SweepSummary(s.Id, s.Name, s.Dataset,
        s.CreatedAt, s.Runs.Count,
        s.Runs.Count(r => r.Status == RunStatus.Queued), s.Runs.Count(r => r.Status == RunStatus.Running),
        s.Runs.Count(r => r.Status == RunStatus.Succeeded), s.Runs.Count(r => r.Status == RunStatus.Failed),
        s.Runs.Count(r => r.Status == RunStatus.Cancelled), s.Tags, s.ArchivedAt);

    public async Task<IReadOnlyDictionary<RunStatus, int>> StatusCountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.Runs.AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<RunStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<Run>> SweepRunsAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Runs.AsNoTracking().Where(r => r.SweepId == id).OrderBy(r => r.Method).ThenBy(r => r.Scenario).ThenBy(r => r.Seed).ToListAsync(ct);
    }

    /// <summary>The request a sweep was made from, as stored (null when the sweep does not exist).</summary>
    public async Task<string?> SweepRequestJsonAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Sweeps.AsNoTracking().Where(s => s.Id == id).Select(s => s.RequestJson).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> SweepExistsAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Sweeps.AnyAsync(s => s.Id == id, ct);
    }
}
