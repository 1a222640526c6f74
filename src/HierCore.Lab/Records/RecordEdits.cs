using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Records;

/// <summary>A change to tags and/or note; null leaves that part as it is, an empty list or "" clears it.</summary>
public sealed record RecordPatch(IReadOnlyList<string>? Tags, string? Note)
{
    /// <summary>The problems with this patch (each names the field), empty when it may be applied.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Tags is not null) errors.AddRange(TagList.Normalize(Tags).Errors.Select(e => "tags: " + e));
        if (Note is { Length: > TagList.MaxNoteLength }) errors.Add($"note: at most {TagList.MaxNoteLength} characters ({Note.Length} given).");
        return errors;
    }
}

/// <summary>Tags, notes and archiving of sweeps and runs: shared by the pages and the API.</summary>
public sealed class RecordEdits(IDbContextFactory<LabDbContext> dbs, TimeProvider clock)
{
    /// <summary>False when the sweep does not exist. The patch must be valid (RecordPatch.Validate).</summary>
    public async Task<bool> UpdateSweepAsync(SweepId id, RecordPatch patch, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sweep is null) return false;
        if (patch.Tags is not null) sweep.Tags = TagList.Encode(TagList.Normalize(patch.Tags).Tags);
        if (patch.Note is not null) sweep.Note = patch.Note.Length == 0 ? null : patch.Note;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> UpdateRunAsync(RunId id, RecordPatch patch, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return false;
        // Only these two columns: the worker updates the same row's progress concurrently.
        var tags = patch.Tags is null ? run.Tags : TagList.Encode(TagList.Normalize(patch.Tags).Tags);
        var note = patch.Note is null ? run.Note : patch.Note.Length == 0 ? null : patch.Note;
        await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Tags, tags).SetProperty(r => r.Note, note), ct);
        return true;
    }

    /// <summary>False when the sweep does not exist. Archiving twice keeps the first date.</summary>
    public async Task<bool> SetArchivedAsync(SweepId id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sweep is null) return false;
        sweep.ArchivedAt = archived ? sweep.ArchivedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<(IReadOnlyList<string> Tags, string? Note)?> GetSweepAsync(SweepId id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var s = await db.Sweeps.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Tags, x.Note }).FirstOrDefaultAsync(ct);
        return s is null ? null : (TagList.Decode(s.Tags), s.Note);
    }
}
