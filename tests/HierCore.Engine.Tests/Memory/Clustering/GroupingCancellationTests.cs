using HierCore.Engine.Memory.Clustering;
using GroupingOptions = HierCore.Engine.Memory.Clustering.Grouping;

namespace HierCore.Engine.Tests.Memory.Clustering;

/// <summary>Clustering can run for minutes on a large dataset: every strategy stops when the run is cancelled.</summary>
public class GroupingCancellationTests
{
    static readonly float[][] X = Blobs.Make(blobs: 3, perBlob: 20, dim: 4, spread: 0.2, seed: 5).X;

    [Theory]
    [InlineData("silhouette")]
    [InlineData("k:3")]
    [InlineData("ward:1.5")]
    public void A_cancelled_run_stops_clustering(string option)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => GroupingOptions.Parse(option).Fit(X, seed: 0, cancelled.Token));
    }

    [Fact]
    public void Each_algorithm_observes_the_token()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => KMeans.Fit(X, 3, seed: 0, restarts: 1, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SilhouetteKSelection.Fit(X, 30, seed: 0, restarts: 1, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Ward.Fit(X, 1.5, cancelled.Token));
    }

    [Fact]
    public void Without_cancellation_the_result_is_unchanged()
    {
        var (x, truth) = Blobs.Make(blobs: 3, perBlob: 10, dim: 4, spread: 0.2, seed: 3);
        Assert.Equal(KMeans.Fit(x, 3, seed: 1).Labels, KMeans.Fit(x, 3, seed: 1, restarts: 10, CancellationToken.None).Labels);
        Assert.True(Blobs.SamePartition(truth, GroupingOptions.Parse("silhouette").Fit(x, 0, CancellationToken.None).Labels));
    }

    [Theory]
    [InlineData("k:31")]
    [InlineData("silhouette:31")]
    [InlineData("ward:0")]
    [InlineData("ward:-0.0")]
    public void Options_beyond_the_documented_limits_do_not_parse(string option) =>
        Assert.Contains("Grouping", Assert.Throws<FormatException>(() => GroupingOptions.Parse(option)).Message);
}
