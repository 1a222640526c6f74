namespace HierCore.Engine.Memory.Clustering;

/// <summary>
/// k-means (k-means++, restarts) for every K in [2, Kmax] with Kmax = min(cap, N/5) (METHOD.md §4), keeping
/// the K with the best mean silhouette (the smaller K on a tie). With fewer than 10 descriptors no K ≥ 2 is
/// allowed and everything is one group.
/// </summary>
public static class SilhouetteKSelection
{
    public const int DefaultKMaxCap = 30;

    public static int KMax(int n, int cap = DefaultKMaxCap) => Math.Min(cap, n / 5);

    public static GroupingResult Fit(float[][] x, int kMax = DefaultKMaxCap, int seed = 0, int restarts = 10)
    {
        var descriptors = Descriptors.From(x, nameof(SilhouetteKSelection));
        int top = KMax(descriptors.Rows, kMax);
        if (top < 2)
        {
            var one = new int[descriptors.Rows];
            return new GroupingResult(one, 1, descriptors.Centroids(one, 1), null);
        }
        var distances = descriptors.DistanceMatrix();
        (int[] Labels, float[] Centroids, int K, double Score) best = ([], [], 0, double.NegativeInfinity);
        for (int k = 2; k <= top; k++)
        {
            var (labels, centroids, _) = KMeans.Fit(descriptors, k, seed, restarts);
            double score = Silhouette.Score(distances, descriptors.Rows, labels);
            if (score > best.Score) best = (labels, centroids, k, score);
        }
        return new GroupingResult(best.Labels, best.K, KMeans.ToRows(best.Centroids, best.K, descriptors.Dim), best.Score);
    }
}
