namespace HierCore.Engine.Memory;

/// <summary>
/// The points whose nearest pick is one centre (or, for the unassigned cell, no pick yet), with their rows
/// copied contiguously so that re-scanning a cell streams memory instead of gathering rows. Order inside a
/// cell is irrelevant (ties are broken by point index), so removal is swap-with-last. A point's row lives in
/// exactly one cell: it moves with the point, and a cell that has lost a quarter of its room is trimmed, so
/// the search holds about one copy of the projected features however often points change cells.
/// </summary>
internal sealed class KCenterCell
{
    private readonly int _dim;

    public KCenterCell(int dim, int capacity, int pivotCount = 0)
    {
        _dim = dim;
        PivotCount = pivotCount;
        Ids = new int[Math.Max(capacity, 1)];
        Mins = new float[Ids.Length];
        Rows = new float[(long)Ids.Length * dim];
        Pivots = pivotCount > 0 ? new float[(long)Ids.Length * pivotCount] : null;
    }

    /// <summary>
    /// The unassigned cell at the start of the search: every point, in index order, taking the arrays as they are
    /// (the projected rows, initial min-distances and pivot distances are not copied).
    /// </summary>
    public KCenterCell(int dim, float[] rows, float[] mins, float[]? pivots, int pivotCount)
    {
        _dim = dim;
        PivotCount = pivotCount;
        Count = mins.Length;
        Ids = new int[Math.Max(Count, 1)];
        for (int i = 0; i < Count; i++) Ids[i] = i;
        Mins = Count > 0 ? mins : new float[1];
        Rows = Count > 0 ? rows : new float[dim];
        Pivots = pivots;
    }

    /// <summary>
    /// For the unassigned cell only: each point's computed distances to the starting points (pivots), which
    /// bound its distance to any new pick by the triangle inequality (see KCenterPruned.PivotsRuleOut).
    /// </summary>
    public float[]? Pivots;
    public readonly int PivotCount;

    // Fields, not properties: the pruned search indexes these in its innermost loop.
    public int Count;
    public int[] Ids;
    /// <summary>Each point's min-distance: the computed distance to this cell's centre (or the initial mean).</summary>
    public float[] Mins;
    public float[] Rows;
    /// <summary>Largest min-distance in the cell and its point (smallest index on ties); −1 when empty.</summary>
    public float Max { get; private set; } = -1;
    public int ArgMax { get; private set; } = int.MaxValue;
    /// <summary>Where <see cref="ArgMax"/>'s row is in <see cref="Rows"/> (valid until the cell next changes).</summary>
    public int ArgMaxSlot { get; private set; } = -1;
    /// <summary>Points this cell has room for.</summary>
    public int Capacity => Ids.Length;

    public ReadOnlySpan<float> Row(int slot) => Rows.AsSpan(slot * _dim, _dim);

    public void Add(int id, float min, ReadOnlySpan<float> row, ReadOnlySpan<float> pivots = default)
    {
        if (Count == Ids.Length) Grow();
        Ids[Count] = id;
        Mins[Count] = min;
        row.CopyTo(Rows.AsSpan(Count * _dim, _dim));
        if (Pivots is not null) pivots.CopyTo(Pivots.AsSpan(Count * PivotCount, PivotCount));
        Count++;
    }

    /// <summary>Moves the last point into slot j (the caller re-examines slot j).</summary>
    public void RemoveAt(int j)
    {
        int last = --Count;
        if (j == last) return;
        Ids[j] = Ids[last];
        Mins[j] = Mins[last];
        Array.Copy(Rows, (long)last * _dim, Rows, (long)j * _dim, _dim);
        if (Pivots is not null) Array.Copy(Pivots, (long)last * PivotCount, Pivots, (long)j * PivotCount, PivotCount);
    }

    public void RefreshMax()
    {
        float max = -1;
        int arg = int.MaxValue, slot = -1;
        for (int j = 0; j < Count; j++)
        {
            float v = Mins[j];
            if (v > max || (v == max && Ids[j] < arg)) { max = v; arg = Ids[j]; slot = j; }
        }
        Max = max;
        ArgMax = arg;
        ArgMaxSlot = slot;
    }

    /// <summary>
    /// Gives back the room of points that have left, once they are a quarter of it: cells only shrink after they
    /// are built, and without this every point would leave a stale row behind in each cell it passed through
    /// (about ln(picks) of them). Each trim copies the remaining rows once, so it costs less than the distances
    /// that moved the points out. Call it outside any loop that holds the arrays fixed.
    /// </summary>
    public void TrimIfSparse()
    {
        if (Count >= Ids.Length - Ids.Length / 4) return;
        Resize(Math.Max(Count, 1));
    }

    /// <summary>Makes room for <paramref name="count"/> points in one step (a big cell's joiners, counted first).</summary>
    public void Reserve(int count)
    {
        if (count > Ids.Length) Resize(count);
    }

    /// <summary>Drops spare room (a freshly filled cell that grew by doubling).</summary>
    public void TrimExcess()
    {
        if (Count < Ids.Length) Resize(Math.Max(Count, 1));
    }

    private void Grow() => Resize(Ids.Length * 2);

    private void Resize(int capacity)
    {
        Array.Resize(ref Ids, capacity);
        Array.Resize(ref Mins, capacity);
        Array.Resize(ref Rows, capacity * _dim);
        if (Pivots is not null) Array.Resize(ref Pivots, capacity * PivotCount);
    }
}
