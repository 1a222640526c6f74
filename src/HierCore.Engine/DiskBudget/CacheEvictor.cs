namespace HierCore.Engine.DiskBudget;

/// <summary>One partition of a disk cache (a folder directly under its root: one feature setting, one bank setting).</summary>
public sealed record CachePartition(string Folder, string? Settings, long Bytes, int Files, DateTime LastUsedUtc, bool InUse);

/// <summary>What an eviction pass did.</summary>
public sealed record EvictionReport(long BytesBefore, long BytesAfter, long Budget, int PartitionsRemoved, long BytesRemoved, int PartitionsKeptInUse)
{
    public bool WithinBudget => Budget <= 0 || BytesAfter <= Budget;
}

/// <summary>
/// Keeps a disk cache (data/features, data/banks) under a byte budget: removes whole partitions, least recently
/// used first, never one that a run holds a <see cref="CacheLease"/> on. A partition is the unit because a run reads
/// one partition as a whole; half a partition would only be recomputed by the next run.
/// </summary>
public static class CacheEvictor
{
    public static IReadOnlyList<CachePartition> Partitions(string root)
    {
        if (!Directory.Exists(root)) return [];
        return new DirectoryInfo(root).EnumerateDirectories().Select(d =>
        {
            var files = d.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !IsBookkeeping(f.FullName, d.FullName)).ToList();
            var note = Path.Combine(d.FullName, "settings.txt");
            var settings = File.Exists(note) ? File.ReadLines(note).FirstOrDefault() : null;
            return new CachePartition(d.FullName, settings, files.Sum(f => f.Length), files.Count, CacheLease.LastUsed(d.FullName), CacheLease.IsLeased(d.FullName));
        }).OrderByDescending(p => p.LastUsedUtc).ToList();
    }

    public static long Bytes(string root) => Partitions(root).Sum(p => p.Bytes);

    /// <summary>Removes least-recently-used partitions not in use until the cache fits the budget (budget ≤ 0: no limit).</summary>
    public static EvictionReport Evict(string root, long budget)
    {
        var partitions = Partitions(root);
        var before = partitions.Sum(p => p.Bytes);
        var total = before;
        int removed = 0, keptInUse = 0;
        long removedBytes = 0;
        if (budget > 0)
            foreach (var p in partitions.OrderBy(p => p.LastUsedUtc))
            {
                if (total <= budget) break;
                // Checked again right before deleting: a run may have started reading it since the listing.
                if (p.InUse || CacheLease.IsLeased(p.Folder)) { keptInUse++; continue; }
                try { Directory.Delete(p.Folder, recursive: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
                total -= p.Bytes; removedBytes += p.Bytes; removed++;
            }
        return new EvictionReport(before, total, budget, removed, removedBytes, keptInUse);
    }

    static bool IsBookkeeping(string file, string partition)
    {
        var rel = Path.GetRelativePath(partition, file);
        return rel.StartsWith(CacheLease.LeaseFolder, StringComparison.Ordinal) || rel == CacheLease.LastUsedFile;
    }
}
