using HierCore.Engine.Memory.Clustering;

namespace HierCore.Engine.Tests.Memory.Clustering;

public class KMeansTests
{
    [Fact]
    public void Recovers_well_separated_blobs_with_purity_one()
    {
        var (x, truth) = Blobs.Make(blobs: 5, perBlob: 30, dim: 16, spread: 0.5, seed: 1);
        var result = KMeans.Fit(x, 5, seed: 3);
        Assert.Equal(5, result.K);
        Assert.True(Blobs.SamePartition(truth, result.Labels));
        // Each centroid is the mean of its members.
        var members = x.Where((_, i) => result.Labels[i] == 0).ToArray();
        Assert.Equal(members.Average(v => v[0]), result.Centroids[0][0], 3);
    }

    [Fact]
    public void Same_seed_gives_the_same_labels()
    {
        var (x, _) = Blobs.Make(blobs: 3, perBlob: 40, dim: 8, spread: 6, seed: 2);   // overlapping: seed matters
        Assert.Equal(KMeans.Fit(x, 6, seed: 9).Labels, KMeans.Fit(x, 6, seed: 9).Labels);
    }

    [Fact]
    public void More_restarts_never_give_a_worse_inertia()
    {
        var (x, _) = Blobs.Make(blobs: 6, perBlob: 20, dim: 4, spread: 4, seed: 5);
        double Inertia(GroupingResult r) => x.Select((v, i) => v.Zip(r.Centroids[r.Labels[i]], (a, c) => (double)(a - c) * (a - c)).Sum()).Sum();
        Assert.True(Inertia(KMeans.Fit(x, 6, seed: 1, restarts: 10)) <= Inertia(KMeans.Fit(x, 6, seed: 1, restarts: 1)) + 1e-6);
    }

    [Fact]
    public void K_larger_than_the_number_of_descriptors_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit([[1f], [2f]], 3, 0));
        Assert.Contains("KMeans", e.Message);
    }
}
