using HierCore.Engine.Memory.Clustering;

namespace HierCore.Engine.Tests.Memory.Clustering;

public class WardTests
{
    [Theory]
    // 0, 1, 10: {0,1} merge at 1; then with {10} at √(2·2·1/3)·9.5 ≈ 10.97 (scipy's Ward scale).
    [InlineData(0.99, 3)]
    [InlineData(1.0, 2)]
    [InlineData(10.96, 2)]
    [InlineData(10.98, 1)]
    public void Cuts_the_hand_computed_dendrogram_at_the_threshold(double threshold, int expectedK)
    {
        var result = Ward.Fit([[0f], [1f], [10f]], threshold);
        Assert.Equal(expectedK, result.K);
        if (expectedK == 2) Assert.Equal([0, 0, 1], result.Labels);
    }

    [Fact]
    public void Separates_clear_blobs()
    {
        var (x, truth) = Blobs.Make(blobs: 3, perBlob: 30, dim: 6, spread: 0.3, seed: 8);
        var result = Ward.Fit(x, distanceThreshold: 8);
        Assert.Equal(3, result.K);
        Assert.True(Blobs.SamePartition(truth, result.Labels));
        Assert.NotNull(result.Silhouette);
    }

    [Fact]
    public void Lance_williams_heights_equal_the_ward_formula_on_group_centroids()
    {
        // Two pairs far apart: {0,2} and {10,12} merge at 2 each, then at √(2·2·2/4)·10 = √2·10.
        float[][] x = [[0f], [2f], [10f], [12f]];
        Assert.Equal(2, Ward.Fit(x, 14.13).K);
        Assert.Equal(1, Ward.Fit(x, 14.15).K);
    }
}
