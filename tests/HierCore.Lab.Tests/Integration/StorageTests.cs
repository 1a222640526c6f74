using System.Net.Http.Json;
using System.Text.Json;
using HierCore.Engine.DiskBudget;
using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace HierCore.Lab.Tests.Integration;

/// <summary>Lab:FeatureCacheMaxBytes through the API: eviction to the budget, a partition in use kept.</summary>
[Collection(LabCollection.Name)]
public sealed class StorageTests(LabFactory lab)
{
    /// <summary>A feature-cache partition under data/features holding one entry of the given size.</summary>
    internal static string Partition(string dataDirectory, string name, int bytes, double hoursAgo)
    {
        var folder = Path.Combine(dataDirectory, "features", name);
        Directory.CreateDirectory(Path.Combine(folder, "ab"));
        File.WriteAllBytes(Path.Combine(folder, "ab", "entry.bin"), new byte[bytes]);
        File.WriteAllText(Path.Combine(folder, "settings.txt"), $"resnet18_r256_c224_{name}\n");
        File.WriteAllText(Path.Combine(folder, CacheLease.LastUsedFile), "");
        File.SetLastWriteTimeUtc(Path.Combine(folder, CacheLease.LastUsedFile), DateTime.UtcNow.AddHours(-hoursAgo));
        return folder;
    }

    [Fact]
    public async Task Evict_shrinks_the_feature_cache_to_its_budget_and_keeps_the_partition_in_use()
    {
        await using var app = lab.WithWebHostBuilder(b => b.UseSetting("Lab:FeatureCacheMaxBytes", "150000"));
        var http = app.CreateClient();
        var inUse = Partition(lab.DataDirectory, "inuse", 100_000, hoursAgo: 9);
        var stale = Partition(lab.DataDirectory, "stale", 100_000, hoursAgo: 5);
        var recent = Partition(lab.DataDirectory, "recent", 40_000, hoursAgo: 1);
        using var lease = CacheLease.Acquire(inUse);
        // Acquiring marks it used now; put it back to the oldest, so only the lease protects it.
        File.SetLastWriteTimeUtc(Path.Combine(inUse, CacheLease.LastUsedFile), DateTime.UtcNow.AddHours(-9));

        using var before = JsonDocument.Parse(await http.GetStringAsync("/api/storage"));
        var cache = before.RootElement.GetProperty("feature_cache");
        Assert.Equal(150_000, cache.GetProperty("budget_bytes").GetInt64());
        Assert.True(cache.GetProperty("bytes").GetInt64() > 240_000);
        Assert.True(cache.GetProperty("partitions").EnumerateArray().Single(p => p.GetProperty("folder").GetString() == "inuse").GetProperty("in_use").GetBoolean());

        var response = await http.PostAsync("/api/storage/evict", null);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var f = report.RootElement.GetProperty("feature_cache");
        Assert.True(f.GetProperty("within_budget").GetBoolean(), report.RootElement.ToString());
        Assert.True(f.GetProperty("bytes_after").GetInt64() <= 150_000);
        Assert.Equal(1, f.GetProperty("partitions_kept_in_use").GetInt32());
        Assert.True(Directory.Exists(inUse));
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(recent));

        using var after = JsonDocument.Parse(await http.GetStringAsync("/api/storage"));
        Assert.True(after.RootElement.GetProperty("feature_cache").GetProperty("bytes").GetInt64() <= 150_000);
        Directory.Delete(inUse, true);
        Directory.Delete(recent, true);
    }
}
