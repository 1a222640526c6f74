namespace HierCore.Engine.Memory;

/// <summary>
/// A group of picks (cells) around one early pick, its super-centre. It lets a new pick rule out many cells
/// at once: d(p,c) ≥ d(s,c) − d(p,s) for every member centre p, so cells far from the new pick are skipped
/// without computing their centre's distance. Radius and max are upper bounds: cells only lose points, so
/// a stale max can only make the test more cautious.
/// </summary>
internal sealed class KCenterSuperCell(int centre)
{
    public int Centre { get; } = centre;
    public List<int> Cells { get; } = [];
    /// <summary>Computed distance of each member cell's centre to the super-centre, aligned with <see cref="Cells"/>.</summary>
    public List<float> CentreDistances { get; } = [];
    /// <summary>Largest member centre distance.</summary>
    public float Radius { get; private set; }
    /// <summary>Largest min-distance over the member cells and its point (smallest index on ties).</summary>
    public float Max { get; private set; } = -1;
    public int ArgMax { get; private set; } = int.MaxValue;
    /// <summary>The member cell that holds <see cref="ArgMax"/>.</summary>
    public int ArgMaxCell { get; private set; } = -1;

    public void Add(int cell, float centreDistance, KCenterCell content)
    {
        Cells.Add(cell);
        CentreDistances.Add(centreDistance);
        Radius = Math.Max(Radius, centreDistance);
        Offer(content.Max, content.ArgMax, cell);
    }

    public void RefreshMax(KCenterCell[] cells)
    {
        Max = -1;
        ArgMax = int.MaxValue;
        ArgMaxCell = -1;
        foreach (int p in Cells) Offer(cells[p].Max, cells[p].ArgMax, p);
    }

    private void Offer(float max, int arg, int cell)
    {
        if (max > Max || (max == Max && arg < ArgMax)) { Max = max; ArgMax = arg; ArgMaxCell = cell; }
    }
}
