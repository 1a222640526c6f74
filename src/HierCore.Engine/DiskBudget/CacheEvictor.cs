namespace HierCore.Engine.DiskBudget;

/// <summary>One partition of a disk cache (a folder directly under its root: one feature setting, one bank setting).</summary>
public sealed record CachePartition(string Folder, string? Settings, long Bytes, int Files, DateTime LastUsedUtc, bool InUse);

/// <summary>What an eviction pass did.</summary>
public sealed record EvictionReport(long BytesBefore, long BytesAfter, long Budget, int PartitionsRemoved, long BytesRemoved, int PartitionsKeptInUse,
    int EntriesRemoved = 0)
{
    public bool WithinBudget => Budget <= 0 || BytesAfter <= Budget;
}

/// <summary>
/// Keeps a disk cache (data/features, data/banks) under a byte budget by removing entries (files), least recently
/// used first, only as many as it takes; never one in a partition a run holds a <see cref="CacheLease"/> on (a run
/// reads any entry of its partition). A partition left without entries goes as a whole (its settings note with it).
/// An entry's last use is estimated as the earlier of its file's access time (as the file system keeps it: with
/// relatime, at least once a day and at the first read after a write) and its partition's last lease: a partition
/// used now may hold entries of a dataset nobody read for weeks, and those go before entries read this morning.
/// </summary>
public static class CacheEvictor
{
    public static IReadOnlyList<CachePartition> Partitions(string root)
    {
        if (!Directory.Exists(root)) return [];
        return new DirectoryInfo(root).EnumerateDirectories().Select(d =>
        {
            var files = d.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !IsBookkeeping(f.FullName, d.FullName)).ToList();
            var note = Path.Combine(d.FullName, SettingsNote);
            var settings = File.Exists(note) ? File.ReadLines(note).FirstOrDefault() : null;
            return new CachePartition(d.FullName, settings, files.Sum(f => f.Length), files.Count, CacheLease.LastUsed(d.FullName), CacheLease.IsLeased(d.FullName));
        }).OrderByDescending(p => p.LastUsedUtc).ToList();
    }

    public static long Bytes(string root) => Partitions(root).Sum(p => p.Bytes);

    /// <summary>Removes least-recently-used entries outside leased partitions until the cache fits the budget (budget ≤ 0: no limit).</summary>
    public static EvictionReport Evict(string root, long budget)
    {
        var partitions = Partitions(root);
        var before = partitions.Sum(p => p.Bytes);
        if (budget <= 0 || before <= budget) return new EvictionReport(before, before, budget, 0, 0, 0);
        var total = before;
        var (removedBytes, removedEntries) = (0L, 0);
        var touched = new HashSet<CachePartition>();
        foreach (var (entry, partition) in Entries(partitions.Where(p => !p.InUse)))
        {
            if (total <= budget) break;
            // Checked again right before deleting: a run may have started reading the partition since the listing.
            if (CacheLease.IsLeased(partition.Folder)) continue;
            var bytes = entry.Length; // as listed (FileInfo refreshes after Delete and would throw)
            try { entry.Delete(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            total -= bytes; removedBytes += bytes; removedEntries++;
            touched.Add(partition);
        }
        var partitionsRemoved = 0;
        foreach (var p in touched)
        {
            var (emptied, noteBytes) = RemoveIfEmpty(p.Folder);
            if (!emptied) continue;
            partitionsRemoved++; total -= noteBytes; removedBytes += noteBytes;
        }
        var keptInUse = partitions.Count(p => p.InUse || CacheLease.IsLeased(p.Folder));
        return new EvictionReport(before, total, budget, partitionsRemoved, removedBytes, keptInUse, removedEntries);
    }

    /// <summary>Every entry of these partitions, least recently used first.</summary>
    static IEnumerable<(FileInfo Entry, CachePartition Partition)> Entries(IEnumerable<CachePartition> partitions) =>
        partitions.SelectMany(p => new DirectoryInfo(p.Folder).EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => !IsBookkeeping(f.FullName, p.Folder) && f.Name != SettingsNote)
                .Select(f => (Entry: f, Partition: p, LastUsed: Min(Max(f.LastAccessTimeUtc, f.LastWriteTimeUtc), p.LastUsedUtc))))
            .OrderBy(e => e.LastUsed).Select(e => (e.Entry, e.Partition)).ToList();

    /// <summary>A partition with no entry left is removed whole; returns whether it was, and the bytes of its settings note.</summary>
    static (bool Removed, long NoteBytes) RemoveIfEmpty(string folder)
    {
        try
        {
            var rest = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !IsBookkeeping(f.FullName, folder)).ToList();
            if (rest.Any(f => f.Name != SettingsNote) || CacheLease.IsLeased(folder)) return (false, 0);
            var noteBytes = rest.Sum(f => f.Length);
            Directory.Delete(folder, recursive: true);
            return (true, noteBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return (false, 0); }
    }

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>The feature cache's note naming a partition's settings: kept while the partition has entries.</summary>
    const string SettingsNote = "settings.txt";

    static bool IsBookkeeping(string file, string partition)
    {
        var rel = Path.GetRelativePath(partition, file);
        return rel.StartsWith(CacheLease.LeaseFolder, StringComparison.Ordinal) || rel == CacheLease.LastUsedFile;
    }
}
