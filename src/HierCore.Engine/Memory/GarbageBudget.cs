namespace HierCore.Engine.Memory;

/// <summary>
/// A bound on the large arrays a long phase may leave behind before they are collected. The .NET GC frees large
/// objects only in a full (gen-2) collection, and it schedules those by its own allocation budgets, which grow
/// when memory is plentiful: a phase that keeps replacing big arrays (the coreset search trimming its cells, the
/// backbone turning out a few MB of features per image) then peaks at several times what it holds. Measured
/// before this existed: a 2.8 M-row unified coreset search reached 9.0 GB resident for about 2 GB of live rows.
/// The phase calls <see cref="Checkpoint"/> at its natural steps; once more than the budget has been allocated
/// since the last collection, a blocking, non-compacting full collection makes that memory reusable, so the
/// peak stays near live + budget. Allocation is counted process-wide, so another phase running beside this one
/// only brings a collection forward. After collecting it also asks glibc to hand back the free pages of its heaps
/// (<c>malloc_trim</c>): libtorch's tensors are malloc'd, and memory they free stays in the allocator's per-thread
/// arenas otherwise.
/// </summary>
public sealed class GarbageBudget
{
    /// <summary>The smallest budget: below this a collection would cost more than the memory it returns.</summary>
    public const long MinimumBytes = 64L << 20;

    private readonly long _budget;
    private readonly Func<long> _allocated;
    private readonly bool _trimNativeHeap;
    private long _mark;

    /// <param name="bytes">Allocation allowed between collections (raised to <see cref="MinimumBytes"/>).</param>
    /// <param name="trimNativeHeap">Also trim glibc's heap after collecting. Off where libtorch allocates again at once
    /// (extraction): it would fault the same pages back in every batch (measured: 11 → 6.6 images/s).</param>
    public GarbageBudget(long bytes, bool trimNativeHeap = true) : this(bytes, () => GC.GetTotalAllocatedBytes(), trimNativeHeap) { }

    /// <param name="allocated">The process's allocation counter (tests give their own: the real one moves with every test).</param>
    internal GarbageBudget(long bytes, Func<long> allocated, bool trimNativeHeap = true)
    {
        _trimNativeHeap = trimNativeHeap;
        _budget = Math.Max(bytes, MinimumBytes);
        _allocated = allocated;
        _mark = allocated();
    }

    /// <summary>Collections this budget has made.</summary>
    public int Collections { get; private set; }

    public void Checkpoint()
    {
        if (_allocated() - _mark < _budget) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        if (_trimNativeHeap) NativeHeap.Trim();
        _mark = _allocated();
        Collections++;
    }
}
