namespace HierCore.Engine.Memory.Clustering;

/// <summary>
/// Agglomerative clustering with Ward linkage (scipy's scale: two points merge at their Euclidean distance;
/// a merge of groups u, v costs √(2|u||v|/(|u|+|v|))·‖c_u − c_v‖). Groups are merged while the merge
/// distance is ≤ the threshold. Built with the nearest-neighbour chain and Lance–Williams updates of squared
/// distances, O(N²) time and memory; Ward is reducible, so the chain finds the same merges as the greedy
/// order and cutting at a threshold keeps exactly the merges at or below it.
/// </summary>
public static class Ward
{
    public static GroupingResult Fit(float[][] x, double distanceThreshold)
    {
        if (!(distanceThreshold >= 0))
            throw new ArgumentOutOfRangeException(nameof(distanceThreshold), distanceThreshold, "Ward: distance threshold must be ≥ 0.");
        var descriptors = Descriptors.From(x, nameof(Ward));
        int n = descriptors.Rows;
        var merges = Merges(descriptors);
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        foreach (var (a, b, height) in merges.OrderBy(m => m.Height))
            if (height <= distanceThreshold) parent[Find(a)] = Find(b);
        var labels = Relabel(n, Find, out int k);
        double? silhouette = k >= 2 && k <= n - 1 ? Silhouette.Score(descriptors.DistanceMatrix(), n, labels) : null;
        return new GroupingResult(labels, k, descriptors.Centroids(labels, k), silhouette);
    }

    /// <summary>The N − 1 merges (a representative point of each side and the Ward height).</summary>
    private static List<(int A, int B, double Height)> Merges(Descriptors x)
    {
        int n = x.Rows;
        var d2 = new double[(long)n * n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                d2[(long)i * n + j] = d2[(long)j * n + i] = x.SquaredDistance(i, x.Values, j);
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<(int, int, double)>(n);
        var chain = new List<int>(n);
        while (merges.Count < n - 1)
        {
            if (chain.Count == 0) chain.Add(Array.IndexOf(active, true));
            int top = chain[^1], previous = chain.Count > 1 ? chain[^2] : -1;
            // Nearest active cluster; the previous chain element wins ties so the chain cannot cycle.
            int nearest = previous;
            double nearestD2 = previous >= 0 ? d2[(long)top * n + previous] : double.PositiveInfinity;
            for (int j = 0; j < n; j++)
                if (active[j] && j != top && d2[(long)top * n + j] < nearestD2) { nearestD2 = d2[(long)top * n + j]; nearest = j; }
            if (nearest != previous) { chain.Add(nearest); continue; }
            chain.RemoveRange(chain.Count - 2, 2);
            merges.Add((top, previous, Math.Sqrt(Math.Max(0, nearestD2))));
            Merge(d2, size, active, n, keep: previous, drop: top);
        }
        return merges;
    }

    /// <summary>Lance–Williams for Ward on squared distances; the merged cluster takes slot <paramref name="keep"/>.</summary>
    private static void Merge(double[] d2, int[] size, bool[] active, int n, int keep, int drop)
    {
        double uv = d2[(long)keep * n + drop];
        int su = size[keep], sv = size[drop];
        for (int w = 0; w < n; w++)
        {
            if (!active[w] || w == keep || w == drop) continue;
            int sw = size[w];
            double value = ((sw + su) * d2[(long)keep * n + w] + (sw + sv) * d2[(long)drop * n + w] - sw * uv) / (su + sv + sw);
            d2[(long)keep * n + w] = d2[(long)w * n + keep] = value;
        }
        size[keep] = su + sv;
        active[drop] = false;
    }

    /// <summary>Labels 0, 1, … in order of each group's first descriptor, so equal partitions get equal labels.</summary>
    private static int[] Relabel(int n, Func<int, int> root, out int k)
    {
        var map = new Dictionary<int, int>();
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int r = root(i);
            if (!map.TryGetValue(r, out int label)) map[r] = label = map.Count;
            labels[i] = label;
        }
        k = map.Count;
        return labels;
    }
}
