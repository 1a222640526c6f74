using HierCore.Cli.Bench;
using HierCore.Cli.Output;

namespace HierCore.Cli.Tests;

/// <summary>The bench report's memory section: each figure beside its target, ratios computed from the measurements.</summary>
public class BenchTablesTests
{
    [Fact]
    public void Memory_section_reports_growth_unified_budget_ratio_and_pooled1024_against_the_official_rate()
    {
        var memory = new MemoryBenchReport
        {
            Machine = "2 cores", Embedding = "pooled1024", CoresetRatio = 0.01, TrainPerClass = 120, TestPerClass = 20,
            Points =
            [
                new MemoryPoint(3, 360, 60, 674_365_440, 2_000_000_000, 1_600_000_000, 2_085_000_000, 11.4),
                new MemoryPoint(6, 720, 120, 1_348_730_880, 2_200_000_000, 4_000_000_000, 3_100_000_000, 7.6),
            ],
            GroupGrowth = 1.1, BankStoreColdS = 300, BankStoreWarmS = 100, BankStoreWarmBanksLoaded = 3, BankStoreWarmIdentical = true,
        };
        var md = BenchTables.Markdown(new BenchReport { Machine = "2 cores", Memory = memory });

        Assert.Contains("| per-group peak RSS, C = 3 → 6 | 2.00 GB → 2.20 GB |", md);
        Assert.Contains("| +10.0 % | < +15 %, ≤ 2.5 GB at C = 6 |", md);
        Assert.Contains("| unified peak RSS, C = 6 | 4.00 GB vs 3.10 GB |", md);
        Assert.Contains("| 1.29× | ≤ 1× |", md);                    // 4.0 / 3.1: over budget, and said so
        Assert.Contains("| pooled1024 extraction | 11.4 images/s |", md);
        Assert.Contains("| 1.50× of 7.6 |", md);
        Assert.Contains("3 banks loaded, 0 coresets built, results identical | 3.00× |", md);
        Assert.DoesNotContain("per-group peak RSS", BenchTables.Markdown(new BenchReport { Machine = "2 cores" }));
    }
}
