using HierCore.Engine.Memory.Clustering;

namespace HierCore.Engine.Tests.Memory.Clustering;

public class GroupingParseTests
{
    [Fact]
    public void Parses_each_strategy_and_round_trips_its_name()
    {
        Assert.Equal(new SilhouetteGrouping(), Grouping.Parse("silhouette"));
        Assert.Equal(new FixedKGrouping(5), Grouping.Parse("k:5"));
        Assert.Equal(new WardGrouping(0.8), Grouping.Parse("ward:0.8"));
        Assert.Equal(new SilhouetteGrouping(12), Grouping.Parse("silhouette:12"));
        foreach (var text in new[] { "silhouette", "k:5", "ward:0.8", "silhouette:12" })
            Assert.Equal(text, Grouping.Parse(text).Name);
    }

    [Theory]
    [InlineData("kmeans")]
    [InlineData("k:0")]
    [InlineData("k:x")]
    [InlineData("ward:-1")]
    [InlineData("")]
    public void Rejects_bad_options_with_a_message(string text) =>
        Assert.Contains("Grouping", Assert.Throws<FormatException>(() => Grouping.Parse(text)).Message);

    [Fact]
    public void Fixed_k_strategy_groups_blobs_and_reports_their_silhouette()
    {
        var (x, truth) = Blobs.Make(blobs: 3, perBlob: 10, dim: 4, spread: 0.2, seed: 3);
        var result = Grouping.Parse("k:3").Fit(x, seed: 1);
        Assert.True(Blobs.SamePartition(truth, result.Labels));
        Assert.True(result.Silhouette > 0.8);
    }
}
