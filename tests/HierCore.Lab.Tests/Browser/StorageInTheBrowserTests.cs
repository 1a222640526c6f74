using HierCore.Engine.DiskBudget;
using HierCore.Lab.Tests.Integration;
using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>The Storage page shows the cache over its budget; "Evict now" brings it under, the partition in use stays.</summary>
[Collection(Integration.LabCollection.Name)]
public sealed class StorageInTheBrowserTests
{
    [BrowserFact]
    public async Task Evict_now_brings_the_feature_cache_under_its_budget_and_keeps_what_is_in_use()
    {
        await using var s = await BrowserSession.StartAsync("storage", new Dictionary<string, string>
        {
            ["Lab:FeatureCacheMaxBytes"] = "2000000", ["Lab:EvictionIntervalMinutes"] = "600",
        });
        var inUse = StorageTests.Partition(s.Lab.DataDirectory, "inuse", 1_500_000, hoursAgo: 9);
        var stale = StorageTests.Partition(s.Lab.DataDirectory, "stale", 1_500_000, hoursAgo: 5);
        using var lease = CacheLease.Acquire(inUse);
        // Acquiring marks it used now; put it back to the oldest, so only the lease protects it.
        File.SetLastWriteTimeUtc(Path.Combine(inUse, CacheLease.LastUsedFile), DateTime.UtcNow.AddHours(-9));
        var page = s.Page;

        await s.OpenAsync("storage");
        await Assertions.Expect(page.Locator("#feature-bytes")).ToHaveTextAsync("2.9 MiB");
        await Assertions.Expect(page.Locator("#cache-partitions")).ToContainTextAsync("in use");
        await s.ShotAsync("storage-over-budget");
        await page.ClickAsync("#evict-now");
        await Assertions.Expect(page.Locator("#feature-bytes")).ToHaveTextAsync("1.4 MiB");
        await s.ShotAsync("storage-evicted");
        Assert.True(Directory.Exists(inUse));
        Assert.False(Directory.Exists(stale));
        Assert.Empty(s.Console);
    }
}
