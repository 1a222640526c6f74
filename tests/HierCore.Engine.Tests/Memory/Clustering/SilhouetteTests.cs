using HierCore.Engine.Memory.Clustering;

namespace HierCore.Engine.Tests.Memory.Clustering;

public class SilhouetteTests
{
    [Fact]
    public void Matches_the_hand_computed_value_on_four_points()
    {
        // Points 0, 1 | 10, 11: a = 1 for all; b = 10.5, 9.5, 9.5, 10.5.
        double expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
        Assert.Equal(expected, Silhouette.Score([[0f], [1f], [10f], [11f]], [0, 0, 1, 1]), 6);
    }

    [Fact]
    public void A_point_alone_in_its_group_counts_zero()
    {
        // 0, 1 | 5: s = (5−1)/5, (4−1)/4, 0.
        Assert.Equal((0.8 + 0.75 + 0) / 3, Silhouette.Score([[0f], [1f], [5f]], [0, 0, 1]), 6);
    }

    [Fact]
    public void Selection_finds_the_true_number_of_blobs()
    {
        var (x, truth) = Blobs.Make(blobs: 4, perBlob: 25, dim: 8, spread: 0.7, seed: 4);
        var result = SilhouetteKSelection.Fit(x, seed: 1, restarts: 3);
        Assert.Equal(4, result.K);
        Assert.True(Blobs.SamePartition(truth, result.Labels));
        Assert.NotNull(result.Silhouette);
        Assert.Equal(Silhouette.Score(x, result.Labels), result.Silhouette!.Value, 5);
        Assert.Equal(result.Labels, SilhouetteKSelection.Fit(x, seed: 1, restarts: 3).Labels);
    }

    [Theory]
    [InlineData(2000, 30, 30)]
    [InlineData(100, 30, 20)]
    [InlineData(9, 30, 1)]
    [InlineData(400, 10, 10)]
    public void K_max_is_the_smaller_of_the_cap_and_n_over_five(int n, int cap, int expected) =>
        Assert.Equal(expected, SilhouetteKSelection.KMax(n, cap));

    [Fact]
    public void Too_few_descriptors_make_one_group()
    {
        var (x, _) = Blobs.Make(blobs: 2, perBlob: 4, dim: 3, spread: 0.1, seed: 1);
        var result = SilhouetteKSelection.Fit(x, seed: 0);
        Assert.Equal(1, result.K);
        Assert.All(result.Labels, l => Assert.Equal(0, l));
    }
}
