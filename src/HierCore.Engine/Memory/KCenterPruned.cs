using System.Runtime.CompilerServices;

namespace HierCore.Engine.Memory;

/// <summary>
/// Approximate greedy k-center with the same picks as <see cref="KCenterNaive"/>, skipping distances that
/// provably cannot lower a min-distance. Every point some pick has reached lives in the cell of its nearest
/// pick p, and its min-distance m(x) is exactly the computed distance to p. For a new pick c the triangle
/// inequality gives d(x,c) ≥ d(p,c) − d(x,p), so if d(p,c) ≥ 2·m(x) the point cannot move closer, and if
/// d(p,c) ≥ 2·max m over the cell the whole cell is skipped. The bound is widened by the kernel's relative
/// rounding error, so a skipped distance would also have lost the float comparison in the naive loop.
/// Points still holding their initial mean distance (the unassigned cell) have no centre to bound them and
/// are always scanned. Cells are grouped under the first √count picks (<see cref="KCenterSuperCell"/>) so
/// that the centre-to-centre distances, O(count²) in total, are mostly ruled out too.
/// </summary>
internal sealed unsafe class KCenterPruned
{
    private readonly int _dim;
    private readonly double _twiceSlack, _shrink, _grow;
    private readonly List<KCenterSuperCell> _supers = [];
    private readonly int _superCount;
    private readonly KCenterCell[] _cells;
    private readonly KCenterCell _unassigned;
    private readonly float[] _centres;
    private int _cellCount;
    private readonly float[] _startRows;
    private readonly float[] _pickPivots;
    // The cell of the current pick, filled while the other cells are scanned (rows move, they are not copied twice).
    private KCenterCell _joined = null!;
    // Trimmed and grown cells drop arrays as large as the features; a quarter of the live rows may wait to be collected.
    private readonly GarbageBudget _garbage;

    /// <summary>Takes <paramref name="f"/>'s rows as the unassigned cell's: the search reorders them in place.</summary>
    private KCenterPruned(ProjectedFeatures f, int count, int seed)
    {
        _dim = f.Dim;
        double gamma = SquaredDistanceKernel.RelativeError(f.Dim);
        _twiceSlack = 2 * (1 + gamma) / (1 - gamma);
        // True distances from computed ones: d ≥ d̃/(1+γ) and d ≤ d̃/(1−γ).
        _shrink = 1 / (1 + gamma);
        _grow = 1 / (1 - gamma);
        _superCount = Math.Clamp((int)Math.Sqrt(count), 1, 1024);
        _centres = new float[(long)count * f.Dim];
        _cells = new KCenterCell[count];
        var starts = KCenterStart.StartPoints(f.Rows, seed);
        _startRows = new float[(long)starts.Length * f.Dim];
        for (int k = 0; k < starts.Length; k++)
            f.Values.AsSpan(starts[k] * f.Dim, f.Dim).CopyTo(_startRows.AsSpan(k * f.Dim, f.Dim));
        var minDist = KCenterStart.InitialMinDistance(f, starts);
        var pivots = PivotDistances(f, starts);
        _unassigned = new KCenterCell(f.Dim, f.Values, minDist, pivots, starts.Length);
        _unassigned.RefreshMax();
        _garbage = new GarbageBudget((long)f.Rows * (f.Dim + starts.Length + 2) * sizeof(float) / 4);
        _pickPivots = new float[starts.Length];
    }

    /// <summary>
    /// The picks, in order. Consumes <paramref name="f"/>: its values become the search's own working rows and are
    /// reordered, so that the projected features are held once, not once as input and again inside the cells.
    /// </summary>
    public static long[] Run(ProjectedFeatures f, int count, int seed, CancellationToken ct = default)
    {
        var picks = new long[count];
        if (count == 0) return picks;
        var search = Start(f, count, seed);
        for (int t = 0; t < count; t++)
        {
            if ((t & 63) == 0) ct.ThrowIfCancellationRequested(); // a big selection takes minutes: stay cancellable
            picks[t] = search.Pick(t);
        }
        return picks;
    }

    /// <summary>A search ready for its first pick (tests step it and inspect <see cref="RowsHeld"/>).</summary>
    internal static KCenterPruned Start(ProjectedFeatures f, int count, int seed) => new(f, count, seed);

    /// <summary>Point rows the cells have room for: about the number of points, however many picks were made.</summary>
    internal long RowsHeld
    {
        get
        {
            long held = _unassigned.Capacity;
            for (int k = 0; k < _cellCount; k++) held += _cells[k].Capacity;
            return held;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Pick(int t)
    {
        int d = _dim;
        var (c, home) = GlobalArgMax();
        // The bookkeeping says where the point's row is; a mismatch would silently pick the wrong row.
        if (home.Ids[home.ArgMaxSlot] != c) throw new InvalidOperationException($"KCenterPruned: pick {t} lost track of point {c}'s row.");
        home.Row(home.ArgMaxSlot).CopyTo(_centres.AsSpan(t * d, d));
        _joined = new KCenterCell(d, 16);
        KCenterSuperCell? nearest = null;
        float nearestDistance = float.PositiveInfinity;
        fixed (float* centres = _centres)
        {
            float* pc = centres + (long)t * d;
            foreach (var super in _supers)
            {
                float ds = SquaredDistanceKernel.Distance(centres + (long)super.Centre * d, pc, d);
                if (ds < nearestDistance) { nearestDistance = ds; nearest = super; }
                // A cell is safe to skip when its centre is truly ≥ 2·max/(1−γ) from the pick (see Update).
                if (ds * _shrink - super.Radius * _grow >= 2 * super.Max * _grow) continue;
                VisitSuper(super, ds, centres, pc);
            }
            fixed (float* x = _startRows)
                for (int k = 0; k < _pickPivots.Length; k++)
                    _pickPivots[k] = SquaredDistanceKernel.Distance(pc, x + (long)k * d, d);
            Update(_unassigned, float.PositiveInfinity, pc);
        }
        var joined = _joined;
        joined.TrimExcess();
        joined.RefreshMax();
        _cells[_cellCount] = joined;
        if (_supers.Count < _superCount)
        {
            nearest = new KCenterSuperCell(_cellCount);
            nearestDistance = 0;
            _supers.Add(nearest);
        }
        nearest!.Add(_cellCount++, nearestDistance, joined);
        _garbage.Checkpoint();
        return c;
    }

    private void VisitSuper(KCenterSuperCell super, float ds, float* centres, float* pc)
    {
        int d = _dim;
        for (int k = 0; k < super.Cells.Count; k++)
        {
            var cell = _cells[super.Cells[k]];
            if (cell.Count == 0) continue;
            if (ds * _shrink - super.CentreDistances[k] * _grow >= 2 * cell.Max * _grow) continue;
            float dpc = super.Cells[k] == super.Centre
                ? ds
                : SquaredDistanceKernel.Distance(centres + (long)super.Cells[k] * d, pc, d);
            if (dpc >= _twiceSlack * cell.Max) continue;
            Update(cell, dpc, pc);
        }
        super.RefreshMax(_cells);
    }

    /// <summary>Moves the cell's points that the new pick brings closer; <paramref name="dpc"/> = +∞ disables the point bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(KCenterCell cell, float dpc, float* pc)
    {
        if (cell.Count >= ParallelThreshold && Environment.ProcessorCount > 1) { UpdateParallel(cell, dpc, pc); return; }
        int d = _dim;
        bool bounded = !float.IsPositiveInfinity(dpc);
        var pivots = cell.Pivots;
        fixed (float* rows = cell.Rows)
        fixed (float* pv = pivots)
        fixed (float* pp = _pickPivots)
            for (int j = 0; j < cell.Count; j++)
            {
                float mj = cell.Mins[j];
                if (bounded && dpc >= _twiceSlack * mj) continue;
                if (pivots is not null && PivotsRuleOut(pv + (long)j * cell.PivotCount, pp, cell.PivotCount, mj)) continue;
                float dj = SquaredDistanceKernel.Distance(rows + (long)j * d, pc, d);
                if (dj >= mj) continue;
                _joined.Add(cell.Ids[j], dj, new ReadOnlySpan<float>(rows + (long)j * d, d));
                cell.RemoveAt(j--);
            }
        cell.RefreshMax();
        cell.TrimIfSparse();
    }

    // Below this many points a cell is scanned on one thread: the fork/join would cost more than it saves.
    private const int ParallelThreshold = 16_384;
    private float[] _scratch = [];

    /// <summary>
    /// <see cref="Update"/> for big cells (early on, the unassigned cell holds almost every point and is scanned
    /// at every pick): distances in parallel chunks, then removal on one thread in descending index order, so
    /// each swap-with-last brings in a point already known to stay. Same distances, same joins, same picks.
    /// </summary>
    private void UpdateParallel(KCenterCell cell, float dpc, float* pc)
    {
        int d = _dim, n = cell.Count;
        bool bounded = !float.IsPositiveInfinity(dpc);
        if (_scratch.Length < n) _scratch = new float[Math.Max(n, _scratch.Length * 2)];
        var joinAt = _scratch;
        var rows = cell.Rows;
        var mins = cell.Mins;
        double twiceSlack = _twiceSlack;
        var centre = (nint)pc;
        int chunks = Environment.ProcessorCount * 4;
        var pivots = cell.Pivots;
        int pivotCount = cell.PivotCount;
        var pickPivots = _pickPivots;
        Parallel.For(0, chunks, k =>
        {
            int from = (int)((long)n * k / chunks), to = (int)((long)n * (k + 1) / chunks);
            fixed (float* r = rows)
            fixed (float* pv = pivots)
            fixed (float* pp = pickPivots)
                for (int j = from; j < to; j++)
                {
                    float mj = mins[j];
                    joinAt[j] = -1;
                    if (bounded && dpc >= twiceSlack * mj) continue;
                    if (pivots is not null && PivotsRuleOut(pv + (long)j * pivotCount, pp, pivotCount, mj)) continue;
                    float dj = SquaredDistanceKernel.Distance(r + (long)j * d, (float*)centre, d);
                    if (dj < mj) joinAt[j] = dj;
                }
        });
        // The first picks move millions of rows: collect what earlier cells dropped before allocating for these,
        // and grow the pick's cell once to its size (doubling would leave half of it again as garbage).
        _garbage.Checkpoint();
        int joiners = 0;
        for (int j = 0; j < n; j++) if (joinAt[j] >= 0) joiners++;
        _joined.Reserve(_joined.Count + joiners);
        for (int j = n - 1; j >= 0; j--)
        {
            if (joinAt[j] < 0) continue;
            _joined.Add(cell.Ids[j], joinAt[j], cell.Row(j));
            cell.RemoveAt(j);
        }
        cell.RefreshMax();
        cell.TrimIfSparse();
    }

    /// <summary>
    /// True when no pick at these pivot distances can bring the point below <paramref name="min"/>: for every
    /// starting point s, d(x,c) ≥ |d(c,s) − d(x,s)|, with computed distances widened by the kernel's rounding
    /// bound so that a skipped point would also have failed the naive loop's float comparison d̃(x,c) &lt; min.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool PivotsRuleOut(float* pointPivots, float* pickPivots, int count, float min)
    {
        double limit = min * _grow;
        for (int k = 0; k < count; k++)
        {
            double xs = pointPivots[k], cs = pickPivots[k];
            if (cs * _shrink - xs * _grow >= limit || xs * _shrink - cs * _grow >= limit) return true;
        }
        return false;
    }

    private static float[] PivotDistances(ProjectedFeatures f, int[] starts)
    {
        var result = new float[(long)f.Rows * starts.Length];
        int d = f.Dim;
        Parallel.For(0, f.Rows, i =>
        {
            fixed (float* x = f.Values)
                for (int k = 0; k < starts.Length; k++)
                    result[(long)i * starts.Length + k] = SquaredDistanceKernel.Distance(x + (long)i * d, x + (long)starts[k] * d, d);
        });
        return result;
    }

    /// <summary>Largest min-distance over all points, ties to the smallest index (as the naive arg-max), and its cell.</summary>
    private (int Point, KCenterCell Home) GlobalArgMax()
    {
        float max = _unassigned.Max;
        int arg = _unassigned.ArgMax;
        var home = _unassigned;
        foreach (var super in _supers)
            if (super.Max > max || (super.Max == max && super.ArgMax < arg))
            {
                max = super.Max;
                arg = super.ArgMax;
                home = _cells[super.ArgMaxCell];
            }
        return (arg, home);
    }
}
