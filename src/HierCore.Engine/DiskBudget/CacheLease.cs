namespace HierCore.Engine.DiskBudget;

/// <summary>
/// "A run is reading this cache partition": a small file under the partition's .leases/ folder while the lease is
/// held, so the evictor of any process on the machine (or sharing the data folder) leaves the partition alone.
/// Acquiring also stamps .last-used, the partition's recency for least-recently-used eviction. A lease file left by
/// a crashed process stops counting after <see cref="StaleAfter"/>.
/// </summary>
public sealed class CacheLease : IDisposable
{
    public const string LeaseFolder = ".leases";
    public const string LastUsedFile = ".last-used";
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(12);

    readonly string _file;

    CacheLease(string file) => _file = file;

    public static CacheLease Acquire(string partitionFolder)
    {
        var leases = Path.Combine(partitionFolder, LeaseFolder);
        Directory.CreateDirectory(leases);
        var file = Path.Combine(leases, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllText(file, DateTime.UtcNow.ToString("O"));
        Touch(partitionFolder);
        return new CacheLease(file);
    }

    /// <summary>True while some unexpired lease is held on the partition.</summary>
    public static bool IsLeased(string partitionFolder)
    {
        var leases = Path.Combine(partitionFolder, LeaseFolder);
        if (!Directory.Exists(leases)) return false;
        var cutoff = DateTime.UtcNow - StaleAfter;
        return new DirectoryInfo(leases).EnumerateFiles().Any(f => f.LastWriteTimeUtc > cutoff);
    }

    /// <summary>When the partition was last leased (or, never leased, last written).</summary>
    public static DateTime LastUsed(string partitionFolder)
    {
        var stamp = new FileInfo(Path.Combine(partitionFolder, LastUsedFile));
        return stamp.Exists ? stamp.LastWriteTimeUtc : Directory.GetLastWriteTimeUtc(partitionFolder);
    }

    static void Touch(string partitionFolder)
    {
        var stamp = Path.Combine(partitionFolder, LastUsedFile);
        try
        {
            if (!File.Exists(stamp)) File.WriteAllText(stamp, "");
            File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow);
        }
        catch (IOException) { } // recency is advisory; a lost stamp only changes eviction order
    }

    public void Dispose()
    {
        try { File.Delete(_file); } catch (IOException) { }
    }
}
