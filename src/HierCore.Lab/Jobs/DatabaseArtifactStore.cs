using System.Data;
using System.Data.Common;
using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Artifacts as rows of the Lab database (PostgreSQL bytea, or SQLite blob when chosen by hand): written in the same
/// transaction as the run's Succeeded, so they are there exactly when the result is; removed with the artifact rows
/// (cascade); read as a stream (sequential access), so serving a map never loads more than a buffer at a time.
/// </summary>
public sealed class DatabaseArtifactStore(IDbContextFactory<LabDbContext> dbs) : IArtifactStore
{
    public Task<List<Artifact>> PrepareAsync(RunId id, int attempt, RunResult result, CancellationToken ct) =>
        Task.FromResult(ArtifactLayout.Of(id, attempt, result).Select(a =>
        {
            a.Row.Blob = new ArtifactBlob { Content = a.Bytes };
            return a.Row;
        }).ToList());

    public void Committed(RunId id, int attempt) { } // earlier attempts' rows were deleted in the same transaction
    public void Discard(RunId id, int attempt) { }   // nothing was written outside the transaction

    public async Task<ArtifactContent?> OpenAsync(string relativePath, CancellationToken ct)
    {
        var db = await dbs.CreateDbContextAsync(ct);
        var owned = new List<IAsyncDisposable> { db };
        try
        {
            var id = await db.Artifacts.AsNoTracking().Where(a => a.RelativePath == relativePath).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (id is null) { await DisposeAllAsync(owned); return null; }
            await db.Database.OpenConnectionAsync(ct);
            var command = db.Database.GetDbConnection().CreateCommand();
            owned.Insert(0, command);
            command.CommandText = "SELECT \"Content\" FROM \"ArtifactBlobs\" WHERE \"ArtifactId\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id.Value;
            command.Parameters.Add(parameter);
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
            owned.Insert(0, reader);
            if (!await reader.ReadAsync(ct)) { await DisposeAllAsync(owned); return null; }
            return new ArtifactContent(new OwningStream(reader.GetStream(0), owned), relativePath[(relativePath.LastIndexOf('/') + 1)..]);
        }
        catch
        {
            await DisposeAllAsync(owned);
            throw;
        }
    }

    /// <summary>One grouped SUM over the blob lengths in SQL: no blob leaves the database to be measured.</summary>
    public async Task<IReadOnlyDictionary<SweepId, long>> BytesPerSweepAsync(SweepId? sweep, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var runs = sweep is { } only ? db.Runs.Where(r => r.SweepId == only) : db.Runs;
        var blobs = from b in db.ArtifactBlobs
                    join a in db.Artifacts on b.ArtifactId equals a.Id
                    join r in runs on a.RunId equals r.Id
                    select new { r.SweepId, b.Content.Length };
        var sums = await blobs.GroupBy(x => x.SweepId).Select(g => new { g.Key, Bytes = g.Sum(x => (long)x.Length) }).ToListAsync(ct);
        return sums.ToDictionary(s => s.Key, s => s.Bytes);
    }

    private static async Task DisposeAllAsync(IEnumerable<IAsyncDisposable> owned)
    {
        foreach (var o in owned) await o.DisposeAsync();
    }

    /// <summary>The blob's stream, which also closes the reader, command and context behind it.</summary>
    private sealed class OwningStream(Stream inner, List<IAsyncDisposable> owned) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.ReadAsync(buffer, offset, count, ct);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int _disposed;

        public override async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            await inner.DisposeAsync();
            await DisposeAllAsync(owned);
            GC.SuppressFinalize(this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) DisposeAsync().AsTask().GetAwaiter().GetResult();
            base.Dispose(disposing);
        }
    }
}
