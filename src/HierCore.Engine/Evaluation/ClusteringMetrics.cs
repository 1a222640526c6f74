namespace HierCore.Engine.Evaluation;

/// <summary>Agreement between an unsupervised grouping and the hidden classes (METHOD.md §5.6).</summary>
public static class ClusteringMetrics
{
    /// <summary>Purity = (1/N) Σ over clusters of the size of the cluster's largest class. 1 = every cluster is one class.</summary>
    public static double Purity(int[] assigned, int[] truth)
    {
        var table = Contingency(assigned, truth, nameof(Purity));
        if (assigned.Length == 0) return double.NaN;
        long sum = 0;
        foreach (var row in table.Values) sum += row.Values.Max();
        return (double)sum / assigned.Length;
    }

    /// <summary>
    /// Normalised mutual information with the arithmetic-mean normaliser, NMI = I(U;V) / ((H(U) + H(V)) / 2),
    /// matching sklearn's <c>normalized_mutual_info_score</c> default, including its special cases: 1 when both
    /// labelings are a single cluster, 0 when the mutual information is 0.
    /// </summary>
    public static double Nmi(int[] assigned, int[] truth)
    {
        var table = Contingency(assigned, truth, nameof(Nmi));
        if (assigned.Length == 0) return double.NaN;
        var classCounts = new Dictionary<int, int>();
        foreach (var t in truth) classCounts[t] = classCounts.GetValueOrDefault(t) + 1;
        if (table.Count == 1 && classCounts.Count == 1) return 1.0;

        double n = assigned.Length, mi = 0;
        foreach (var (cluster, row) in table)
        {
            double clusterSize = row.Values.Sum();
            foreach (var (cls, count) in row)
                mi += count / n * Math.Log(count * n / (clusterSize * classCounts[cls]));
        }
        // Round-off can leave a tiny non-zero MI for independent labelings; sklearn clips negatives the same way.
        mi = Math.Max(mi, 0);
        if (mi == 0) return 0.0;
        double hAssigned = Entropy(table.Values.Select(r => r.Values.Sum()), n);
        double hTruth = Entropy(classCounts.Values, n);
        return mi / Math.Max((hAssigned + hTruth) / 2, MachineEpsilon);
    }

    private const double MachineEpsilon = 2.220446049250313e-16; // numpy finfo(float64).eps, sklearn's floor

    private static double Entropy(IEnumerable<int> counts, double n) =>
        -counts.Sum(c => c / n * Math.Log(c / n));

    /// <summary>cluster → (class → count).</summary>
    private static Dictionary<int, Dictionary<int, int>> Contingency(int[] assigned, int[] truth, string metric)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(truth);
        if (assigned.Length != truth.Length)
            throw new ArgumentException($"{metric}: {assigned.Length} cluster assignments but {truth.Length} true classes.");
        var table = new Dictionary<int, Dictionary<int, int>>();
        for (int i = 0; i < assigned.Length; i++)
        {
            if (!table.TryGetValue(assigned[i], out var row)) table[assigned[i]] = row = [];
            row[truth[i]] = row.GetValueOrDefault(truth[i]) + 1;
        }
        return table;
    }
}
