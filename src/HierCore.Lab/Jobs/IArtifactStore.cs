using HierCore.Engine.Contracts;
using HierCore.Lab.Data;

namespace HierCore.Lab.Jobs;

/// <summary>
/// Where a run's artifacts (scores.csv, anomaly-map PNGs) live: files under data/artifacts with SQLite (one machine),
/// rows in the database with PostgreSQL (workers on other machines share nothing but the database). Chosen by
/// Database:Provider (see ArtifactStores); the result store, the pages and /artifacts/ only talk to this.
/// </summary>
public interface IArtifactStore
{
    /// <summary>The attempt's artifact rows, to be added in the transaction that marks the run Succeeded (files are written now).</summary>
    Task<List<Artifact>> PrepareAsync(RunId id, int attempt, RunResult result, CancellationToken ct);

    /// <summary>After the commit: what earlier attempts of the run left behind goes.</summary>
    void Committed(RunId id, int attempt);

    /// <summary>The attempt did not store its result (cancelled, failed, taken over): what PrepareAsync wrote goes.</summary>
    void Discard(RunId id, int attempt);

    /// <summary>The artifact at /artifacts/{relativePath}, streamed; null when there is none (or the path leads outside).</summary>
    Task<ArtifactContent?> OpenAsync(string relativePath, CancellationToken ct);

    /// <summary>
    /// Bytes each sweep's runs keep in this store (the Storage page, the delete confirmation): file sizes on disk, or
    /// blob lengths summed by the database. A sweep without stored bytes is absent; <paramref name="sweep"/> asks for one.
    /// </summary>
    Task<IReadOnlyDictionary<SweepId, long>> BytesPerSweepAsync(SweepId? sweep, CancellationToken ct);
}

/// <summary>An open artifact: dispose it (Results.Stream does) to release the file or the database connection.</summary>
public sealed record ArtifactContent(Stream Stream, string FileName) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
