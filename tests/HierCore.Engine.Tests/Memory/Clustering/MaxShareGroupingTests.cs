using HierCore.Engine.Memory.Clustering;
using GroupingOptions = HierCore.Engine.Memory.Clustering.Grouping;

namespace HierCore.Engine.Tests.Memory.Clustering;

public class MaxShareGroupingTests
{
    /// <summary>Three tight blobs close together and one far away: silhouette prefers K = 2 with a 75 % cluster.</summary>
    static float[][] ThreeNearOneFar()
    {
        var random = new Random(5);
        float[][] centres = [[0, 0], [1, 0], [0, 1], [100, 100]];
        return Enumerable.Range(0, 100).Select(i => centres[i % 4].Select(c => c + 0.03f * (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
    }

    static double LargestShare(int[] labels) => labels.GroupBy(l => l).Max(g => g.Count()) / (double)labels.Length;

    [Fact]
    public void Plain_silhouette_makes_one_big_cluster_and_max_share_caps_it()
    {
        var x = ThreeNearOneFar();
        var plain = GroupingOptions.Parse("silhouette").Fit(x, seed: 0);
        Assert.Equal(2, plain.K);
        Assert.Equal(0.75, LargestShare(plain.Labels), 9);

        var capped = GroupingOptions.Parse("max-share:0.4").Fit(x, seed: 0);
        Assert.True(LargestShare(capped.Labels) <= 0.4, $"largest cluster holds {LargestShare(capped.Labels):P0}");
        Assert.Equal(4, capped.K); // the only K ≤ 20 within the cap that keeps the blobs whole scores best
    }

    [Fact]
    public void An_unreachable_cap_takes_the_K_with_the_smallest_largest_cluster()
    {
        var (x, _) = Blobs.Make(blobs: 2, perBlob: 10, dim: 2, spread: 0.01, seed: 2);  // Kmax = 4: no K reaches 10 %
        var capped = GroupingOptions.Parse("max-share:0.1").Fit(x, seed: 0);
        Assert.True(LargestShare(capped.Labels) <= 0.35, $"largest cluster holds {LargestShare(capped.Labels):P0}");
    }

    [Theory]
    [InlineData("max-share:0")]
    [InlineData("max-share:1.5")]
    [InlineData("max-share:x")]
    public void Out_of_range_shares_are_rejected_with_the_accepted_forms(string text)
    {
        var e = Assert.Throws<FormatException>(() => GroupingOptions.Parse(text));
        Assert.Contains("max-share:<S in (0, 1]>", e.Message);
    }
}
