namespace HierCore.Engine.Memory.Clustering;

/// <summary>
/// k-means (k-means++, restarts) for every K in [2, Kmax] with Kmax = min(cap, N/5) (METHOD.md §4), keeping
/// the K with the best mean silhouette (the smaller K on a tie). With fewer than 10 descriptors no K ≥ 2 is
/// allowed and everything is one group. With <c>maxShare</c> &lt; 1 only the K whose largest cluster holds at most that
/// share of the images compete (if none does, the K with the smallest largest cluster wins): a coreset's greedy
/// k-center costs O(N·M) = O(ratio·N²) in a cluster's N patches, so one big cluster can cost more than all class banks.
/// </summary>
public static class SilhouetteKSelection
{
    public const int DefaultKMaxCap = Grouping.MaxGroups;

    public static int KMax(int n, int cap = DefaultKMaxCap) => Math.Min(cap, n / 5);

    public static GroupingResult Fit(float[][] x, int kMax = DefaultKMaxCap, int seed = 0, int restarts = 10, CancellationToken ct = default,
        double maxShare = 1.0)
    {
        var descriptors = Descriptors.From(x, nameof(SilhouetteKSelection));
        int top = KMax(descriptors.Rows, kMax);
        if (top < 2)
        {
            var one = new int[descriptors.Rows];
            return new GroupingResult(one, 1, descriptors.Centroids(one, 1), null);
        }
        var distances = descriptors.DistanceMatrix(ct);
        (int[] Labels, float[] Centroids, int K, double Score, bool Fits, double Share) best = ([], [], 0, double.NegativeInfinity, false, 1);
        for (int k = 2; k <= top; k++)
        {
            ct.ThrowIfCancellationRequested();
            var (labels, centroids, _) = KMeans.Fit(descriptors, k, seed, restarts, ct);
            double score = Silhouette.Score(distances, descriptors.Rows, labels, ct);
            double share = labels.GroupBy(l => l).Max(g => g.Count()) / (double)labels.Length;
            bool fits = share <= maxShare;
            // A K within the share cap beats any K outside it; among those outside, the smaller largest cluster wins.
            bool better = fits ? !best.Fits || score > best.Score : !best.Fits && (share < best.Share || best.K == 0);
            if (better) best = (labels, centroids, k, score, fits, share);
        }
        return new GroupingResult(best.Labels, best.K, KMeans.ToRows(best.Centroids, best.K, descriptors.Dim), best.Score);
    }
}
