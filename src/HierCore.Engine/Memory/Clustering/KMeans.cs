namespace HierCore.Engine.Memory.Clustering;

/// <summary>
/// k-means with k-means++ seeding and Lloyd iterations to convergence; the restart with the lowest inertia
/// (sum of squared distances to the assigned centroid) wins, the earliest on a tie. One
/// <see cref="Random"/>(seed) drives every restart, so a seed fixes the result.
/// </summary>
public static class KMeans
{
    public const int MaxIterations = 300;

    public static GroupingResult Fit(float[][] x, int k, int seed, int restarts = 10)
    {
        var descriptors = Descriptors.From(x, nameof(KMeans));
        var (labels, centroids, _) = Fit(descriptors, k, seed, restarts);
        return new GroupingResult(labels, k, ToRows(centroids, k, descriptors.Dim), null);
    }

    internal static (int[] Labels, float[] Centroids, double Inertia) Fit(Descriptors x, int k, int seed, int restarts)
    {
        if (k < 1 || k > x.Rows)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"KMeans: k must be in [1, {x.Rows}] (number of descriptors).");
        if (restarts < 1) throw new ArgumentOutOfRangeException(nameof(restarts), restarts, "KMeans: restarts must be ≥ 1.");
        var random = new Random(seed);
        (int[] Labels, float[] Centroids, double Inertia) best = ([], [], double.PositiveInfinity);
        for (int r = 0; r < restarts; r++)
        {
            var centroids = PlusPlus(x, k, random);
            var labels = Lloyd(x, k, centroids);
            double inertia = Inertia(x, labels, centroids);
            if (inertia < best.Inertia) best = (labels, centroids, inertia);
        }
        return best;
    }

    /// <summary>k-means++: first centre uniform, each next one drawn with probability ∝ squared distance to the nearest chosen centre.</summary>
    private static float[] PlusPlus(Descriptors x, int k, Random random)
    {
        int n = x.Rows, d = x.Dim;
        var centroids = new float[(long)k * d];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        int pick = random.Next(n);
        for (int c = 0; c < k; c++)
        {
            Array.Copy(x.Values, (long)pick * d, centroids, (long)c * d, d);
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], x.SquaredDistance(i, centroids, c));
                total += nearest[i];
            }
            if (c == k - 1) break;
            // All points on chosen centres (duplicates): any point is as good as another.
            if (total <= 0) { pick = random.Next(n); continue; }
            double target = random.NextDouble() * total, running = 0;
            pick = n - 1;
            for (int i = 0; i < n; i++)
            {
                running += nearest[i];
                if (running > target && nearest[i] > 0) { pick = i; break; }
            }
        }
        return centroids;
    }

    private static int[] Lloyd(Descriptors x, int k, float[] centroids)
    {
        var labels = new int[x.Rows];
        Array.Fill(labels, -1);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < x.Rows; i++)
            {
                int label = Nearest(x, i, centroids, k);
                if (label != labels[i]) { labels[i] = label; changed = true; }
            }
            if (!changed) break;
            UpdateCentroids(x, k, labels, centroids);
        }
        return labels;
    }

    private static void UpdateCentroids(Descriptors x, int k, int[] labels, float[] centroids)
    {
        var means = x.Centroids(labels, k);
        var sizes = new int[k];
        foreach (int l in labels) sizes[l]++;
        for (int g = 0; g < k; g++)
        {
            if (sizes[g] > 0) { means[g].CopyTo(centroids, (long)g * x.Dim); continue; }
            // An emptied group restarts at the point farthest from its own centroid (deterministic).
            int far = 0;
            double farDistance = -1;
            for (int i = 0; i < x.Rows; i++)
            {
                double di = x.SquaredDistance(i, centroids, labels[i]);
                if (di > farDistance) { farDistance = di; far = i; }
            }
            Array.Copy(x.Values, (long)far * x.Dim, centroids, (long)g * x.Dim, x.Dim);
            labels[far] = g;
        }
    }

    internal static int Nearest(Descriptors x, int i, float[] centroids, int k)
    {
        int best = 0;
        float bestDistance = float.PositiveInfinity;
        for (int c = 0; c < k; c++)
        {
            float di = x.SquaredDistance(i, centroids, c);
            if (di < bestDistance) { bestDistance = di; best = c; }
        }
        return best;
    }

    private static double Inertia(Descriptors x, int[] labels, float[] centroids)
    {
        double total = 0;
        for (int i = 0; i < x.Rows; i++) total += x.SquaredDistance(i, centroids, labels[i]);
        return total;
    }

    internal static float[][] ToRows(float[] block, int k, int d) =>
        [.. Enumerable.Range(0, k).Select(g => block.AsSpan(g * d, d).ToArray())];
}
