using HierCore.Engine.DiskBudget;

namespace HierCore.Engine.Tests.DiskBudget;

public sealed class CacheEvictorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"hiercore-evict-{Guid.NewGuid():N}");

    /// <summary>A partition with one file of the given size, last used <paramref name="hoursAgo"/>.</summary>
    private string Partition(string name, int bytes, double hoursAgo)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(folder, "ab"));
        File.WriteAllBytes(Path.Combine(folder, "ab", "entry.bin"), new byte[bytes]);
        File.WriteAllText(Path.Combine(folder, "settings.txt"), name + "\n");
        var stamp = Path.Combine(folder, CacheLease.LastUsedFile);
        File.WriteAllText(stamp, "");
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow.AddHours(-hoursAgo));
        return folder;
    }

    [Fact]
    public void A_cache_over_budget_shrinks_to_it_least_recently_used_first_and_an_entry_in_use_survives()
    {
        var oldestInUse = Partition("oldest-in-use", 4000, hoursAgo: 10);
        var old = Partition("old", 3000, hoursAgo: 5);
        var middle = Partition("middle", 2000, hoursAgo: 2);
        var fresh = Partition("fresh", 1000, hoursAgo: 0.1);
        using (CacheLease.Acquire(oldestInUse))
        {
            // Acquire stamps "last used now"; put it back to the oldest so only the lease protects it.
            File.SetLastWriteTimeUtc(Path.Combine(oldestInUse, CacheLease.LastUsedFile), DateTime.UtcNow.AddHours(-10));
            var before = CacheEvictor.Bytes(_root);
            // Entries and settings notes count; lease files and the last-used stamp do not.
            Assert.Equal(10_000 + 4 + "oldest-in-use".Length + "old".Length + "middle".Length + "fresh".Length, before);

            var report = CacheEvictor.Evict(_root, budget: 6000);
            Assert.True(report.WithinBudget);
            Assert.True(CacheEvictor.Bytes(_root) <= 6000);
            Assert.True(Directory.Exists(oldestInUse)); // in use: kept although least recently used
            Assert.False(Directory.Exists(old));         // next oldest goes first
            Assert.False(Directory.Exists(middle));
            Assert.True(Directory.Exists(fresh));
            Assert.Equal(1, report.PartitionsKeptInUse);
            Assert.Equal(2, report.PartitionsRemoved);
            Assert.Equal(before - CacheEvictor.Bytes(_root), report.BytesRemoved);
        }
        // Released: the next pass may take it.
        Assert.True(CacheEvictor.Evict(_root, budget: 1100).WithinBudget);
        Assert.False(Directory.Exists(oldestInUse));
        Assert.True(Directory.Exists(fresh));
    }

    /// <summary>An entry file of a partition, last read <paramref name="hoursAgo"/> (access and write time).</summary>
    private static string Entry(string partition, string name, int bytes, double hoursAgo)
    {
        var file = Path.Combine(partition, name[..2], name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, new byte[bytes]);
        var at = DateTime.UtcNow.AddHours(-hoursAgo);
        File.SetLastWriteTimeUtc(file, at);
        File.SetLastAccessTimeUtc(file, at);
        return file;
    }

    [Fact]
    public void Eviction_removes_single_entries_least_recently_used_first_only_as_many_as_needed_and_never_in_a_leased_partition()
    {
        var mixed = Partition("mixed", 1000, hoursAgo: 0); // used just now, but holds entries nobody read for hours
        File.Delete(Path.Combine(mixed, "ab", "entry.bin"));
        var stale = Entry(mixed, "aa-stale.bin", 1000, hoursAgo: 10);
        var older = Entry(mixed, "bb-older.bin", 1000, hoursAgo: 5);
        var recent = Entry(mixed, "cc-recent.bin", 1000, hoursAgo: 1);
        var now = Entry(mixed, "dd-now.bin", 1000, hoursAgo: 0);
        var busy = Partition("busy", 3000, hoursAgo: 20);
        var busyEntry = Path.Combine(busy, "ab", "entry.bin");
        File.SetLastAccessTimeUtc(busyEntry, DateTime.UtcNow.AddHours(-20)); // the oldest entry of all
        using var lease = CacheLease.Acquire(busy);

        var before = CacheEvictor.Bytes(_root);
        var report = CacheEvictor.Evict(_root, budget: before - 1500);
        Assert.True(report.WithinBudget);
        Assert.True(CacheEvictor.Bytes(_root) <= before - 1500);
        Assert.Equal(2, report.EntriesRemoved);            // 2 × 1000 bytes: the fewest that fit
        Assert.Equal(2000, report.BytesRemoved);
        Assert.Equal(0, report.PartitionsRemoved);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(older));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(now));
        Assert.True(File.Exists(busyEntry));               // leased: kept although least recently used
        Assert.True(File.Exists(Path.Combine(mixed, "settings.txt")));
    }

    [Fact]
    public void When_what_is_in_use_alone_exceeds_the_budget_it_is_kept_and_the_report_says_so()
    {
        var busy = Partition("busy", 5000, hoursAgo: 1);
        var idle = Partition("idle", 100, hoursAgo: 3);
        using var lease = CacheLease.Acquire(busy);
        var report = CacheEvictor.Evict(_root, budget: 1000);
        Assert.False(report.WithinBudget);
        Assert.True(Directory.Exists(busy));
        Assert.Equal(5000 + "busy\n".Length, CacheEvictor.Partitions(_root).Single().Bytes);
        Assert.False(Directory.Exists(idle));
    }

    [Fact]
    public void No_budget_removes_nothing_and_a_lease_file_of_a_crashed_process_expires()
    {
        var p = Partition("p", 500, hoursAgo: 1);
        Assert.Equal(0, CacheEvictor.Evict(_root, budget: 0).PartitionsRemoved);
        var lease = CacheLease.Acquire(p);
        var file = Directory.GetFiles(Path.Combine(p, CacheLease.LeaseFolder)).Single();
        Assert.True(CacheLease.IsLeased(p));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - CacheLease.StaleAfter - TimeSpan.FromMinutes(1));
        Assert.False(CacheLease.IsLeased(p));
        lease.Dispose();
        Assert.Empty(Directory.GetFiles(Path.Combine(p, CacheLease.LeaseFolder)));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
