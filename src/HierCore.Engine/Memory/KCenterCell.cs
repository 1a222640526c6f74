namespace HierCore.Engine.Memory;

/// <summary>
/// The points whose nearest pick is one centre (or, for the unassigned cell, no pick yet), with their rows
/// copied contiguously so that re-scanning a cell streams memory instead of gathering rows. Order inside a
/// cell is irrelevant (ties are broken by point index), so removal is swap-with-last.
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
        int arg = int.MaxValue;
        for (int j = 0; j < Count; j++)
        {
            float v = Mins[j];
            if (v > max || (v == max && Ids[j] < arg)) { max = v; arg = Ids[j]; }
        }
        Max = max;
        ArgMax = arg;
    }

    private void Grow()
    {
        int capacity = Ids.Length * 2;
        Array.Resize(ref Ids, capacity);
        Array.Resize(ref Mins, capacity);
        Array.Resize(ref Rows, capacity * _dim);
        if (Pivots is not null) Array.Resize(ref Pivots, capacity * PivotCount);
    }
}
