using HierCore.Engine.Memory;

namespace HierCore.Engine.Tests.Memory;

public class GarbageBudgetTests
{
    private const long Mb = 1L << 20;

    [Fact]
    public void Collects_once_the_phase_has_allocated_its_budget_and_not_before()
    {
        long allocated = 1000 * Mb;
        var budget = new GarbageBudget(300 * Mb, () => allocated);
        allocated += 299 * Mb;
        budget.Checkpoint();
        Assert.Equal(0, budget.Collections);

        var fullBefore = GC.CollectionCount(GC.MaxGeneration);
        allocated += 1 * Mb;
        budget.Checkpoint();
        Assert.Equal(1, budget.Collections);
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullBefore, "a full collection ran");

        allocated += 299 * Mb;                    // counted from the collection, not from the start
        budget.Checkpoint();
        Assert.Equal(1, budget.Collections);
        allocated += 1 * Mb;
        budget.Checkpoint();
        Assert.Equal(2, budget.Collections);
    }

    [Fact]
    public void A_small_budget_is_raised_to_the_minimum()
    {
        long allocated = 0;
        var budget = new GarbageBudget(1, () => allocated);
        allocated = GarbageBudget.MinimumBytes - 1;
        budget.Checkpoint();
        Assert.Equal(0, budget.Collections);
        allocated = GarbageBudget.MinimumBytes;
        budget.Checkpoint();
        Assert.Equal(1, budget.Collections);
    }

    [Fact]
    public void The_native_heap_is_trimmed_where_glibc_is_the_c_library()
    {
        // Debian and the CI image use glibc: the call must resolve there, or libtorch's freed memory stays resident.
        var glibc = OperatingSystem.IsLinux() && System.Runtime.InteropServices.NativeLibrary.TryLoad("libc.so.6", out _);
        Assert.Equal(glibc, NativeHeap.Trim());
    }
}
