namespace HierCore.Engine.Memory.Clustering;

/// <summary>
/// Mean silhouette (Euclidean), as scikit-learn's silhouette_score: for each point a = mean distance to the
/// rest of its group, b = smallest mean distance to another group, s = (b − a) / max(a, b), and s = 0 for a
/// point alone in its group.
/// </summary>
public static class Silhouette
{
    public static double Score(float[][] x, int[] labels)
    {
        var descriptors = Descriptors.From(x, nameof(Silhouette));
        return Score(descriptors.DistanceMatrix(), descriptors.Rows, labels);
    }

    internal static double Score(float[] distances, int n, int[] labels)
    {
        if (labels.Length != n)
            throw new ArgumentException($"Silhouette: {labels.Length} labels for {n} descriptors.", nameof(labels));
        int k = labels.Max() + 1;
        if (labels.Min() < 0) throw new ArgumentException("Silhouette: labels must be ≥ 0.", nameof(labels));
        var sizes = new int[k];
        foreach (int l in labels) sizes[l]++;
        int used = sizes.Count(s => s > 0);
        if (used < 2 || used > n - 1)
            throw new ArgumentException($"Silhouette: needs 2 ≤ groups ≤ N − 1, got {used} groups for {n} descriptors.", nameof(labels));
        var sums = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < n; j++) sums[labels[j]] += distances[(long)i * n + j];
            int own = labels[i];
            if (sizes[own] == 1) continue;
            double a = sums[own] / (sizes[own] - 1), b = double.PositiveInfinity;
            for (int g = 0; g < k; g++)
                if (g != own && sizes[g] > 0) b = Math.Min(b, sums[g] / sizes[g]);
            double scale = Math.Max(a, b);
            if (scale > 0) total += (b - a) / scale;
        }
        return total / n;
    }
}
