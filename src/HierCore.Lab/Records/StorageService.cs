using HierCore.Engine.DiskBudget;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Records;

public sealed record SweepBytes(SweepId Id, string Name, bool Archived, int Runs, long Bytes);

/// <summary>Disk use under data/, as the Storage page and the API show it.</summary>
public sealed record StorageSnapshot(
    IReadOnlyList<CachePartition> FeatureCache, long FeatureCacheBudget,
    IReadOnlyList<CachePartition> BankStore, long BankStoreBudget,
    IReadOnlyList<SweepBytes> Sweeps, long OrphanArtifactBytes, long? DatabaseBytes, long PendingModelBytes)
{
    public long FeatureCacheBytes => FeatureCache.Sum(p => p.Bytes);
    public long BankStoreBytes => BankStore.Sum(p => p.Bytes);
    public long ArtifactBytes => Sweeps.Sum(s => s.Bytes) + OrphanArtifactBytes;
}

/// <summary>Measures disk use and enforces Lab:FeatureCacheMaxBytes and Lab:BankStoreMaxBytes.</summary>
public sealed class StorageService(IDbContextFactory<LabDbContext> dbs, LabPaths paths, IOptionsMonitor<LabOptions> options,
    IOptions<DatabaseOptions> database, Jobs.IArtifactStore store, ILogger<StorageService> log)
{
    public string FeatureCacheRoot => paths.Layout.FeatureCache;
    public string BankStoreRoot => paths.Layout.BankStore;

    public async Task<StorageSnapshot> MeasureAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var runs = await db.Runs.AsNoTracking().Select(r => new { r.Id, r.SweepId }).ToListAsync(ct);
        var sweeps = await db.Sweeps.AsNoTracking().Select(s => new { s.Id, s.Name, s.ArchivedAt }).ToListAsync(ct);
        var bytes = await store.BytesPerSweepAsync(null, ct);
        var bySweep = sweeps.Select(s => new SweepBytes(s.Id, s.Name, s.ArchivedAt is not null, runs.Count(r => r.SweepId == s.Id), bytes.GetValueOrDefault(s.Id)))
            .OrderByDescending(s => s.Bytes).ToList();
        // Folders under data/artifacts of no run (left by a crash mid-delete; the start-up sweeper removes them).
        var known = runs.Select(r => r.Id).ToHashSet();
        var orphans = Directory.EnumerateDirectories(paths.ArtifactsDirectory)
            .Where(d => ArtifactFolders.RunOf(d) is not { } id || !known.Contains(id)).Sum(ArtifactFolders.Bytes);
        var pending = paths.Layout.PendingModels;
        var o = options.CurrentValue;
        return new StorageSnapshot(CacheEvictor.Partitions(FeatureCacheRoot), o.FeatureCacheMaxBytes,
            CacheEvictor.Partitions(BankStoreRoot), o.BankStoreMaxBytes, bySweep, orphans, DatabaseBytes(), ArtifactFolders.Bytes(pending));
    }

    /// <summary>Enforces both budgets now.</summary>
    public (EvictionReport Features, EvictionReport Banks) EvictNow()
    {
        var o = options.CurrentValue;
        var features = CacheEvictor.Evict(FeatureCacheRoot, o.FeatureCacheMaxBytes);
        var banks = CacheEvictor.Evict(BankStoreRoot, o.BankStoreMaxBytes);
        foreach (var (what, r) in new[] { ("feature cache", features), ("bank store", banks) })
        {
            if (r.EntriesRemoved > 0)
                log.LogInformation("Evicted {Count} {What} entries ({Partitions} partition(s) emptied), {Bytes} bytes; now {After} of {Budget} bytes.",
                    r.EntriesRemoved, what, r.PartitionsRemoved, r.BytesRemoved, r.BytesAfter, r.Budget);
            if (!r.WithinBudget) log.LogWarning("The {What} holds {After} bytes, over its budget of {Budget}: {InUse} partition(s) are in use.", what, r.BytesAfter, r.Budget, r.PartitionsKeptInUse);
        }
        return (features, banks);
    }

    /// <summary>The SQLite file (with its WAL); null for PostgreSQL, whose size lives on its server.</summary>
    long? DatabaseBytes()
    {
        if (LabDbProvider.Normalize(database.Value.Provider) != LabDbProvider.Sqlite) return null;
        return new[] { "", "-wal", "-shm" }.Select(s => new FileInfo(paths.DatabaseFile + s)).Where(f => f.Exists).Sum(f => f.Length);
    }
}

/// <summary>Enforces the disk budgets at start-up and every Lab:EvictionIntervalMinutes.</summary>
public sealed class StorageBudgetService(StorageService storage, IOptionsMonitor<LabOptions> options, ILogger<StorageBudgetService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { storage.EvictNow(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { log.LogWarning(e, "Disk-budget eviction failed; retrying later."); }
            var minutes = Math.Max(0.1, options.CurrentValue.EvictionIntervalMinutes);
            try { await Task.Delay(TimeSpan.FromMinutes(minutes), stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
