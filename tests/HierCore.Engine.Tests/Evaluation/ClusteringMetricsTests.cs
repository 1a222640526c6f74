using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class ClusteringMetricsTests
{
    [Fact]
    public void Purity_by_hand()
    {
        // Cluster 0 = classes {0,0,1} → 2; cluster 1 = {1,1,2} → 2; purity 4/6.
        Assert.Equal(4.0 / 6, ClusteringMetrics.Purity([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 2]), 12);
        // Splitting every class over many pure clusters is still pure.
        Assert.Equal(1.0, ClusteringMetrics.Purity([0, 1, 2, 3], [5, 5, 6, 6]));
    }

    [Fact]
    public void Nmi_by_hand()
    {
        // Contingency: cluster 0 = {A, A}, cluster 1 = {A, B}; n = 4.
        // MI = ½ln(4/3) + ¼ln(2/3) + ¼ln2; H(clusters) = ln2; H(classes) = −(¾ln¾ + ¼ln¼).
        double mi = 0.5 * Math.Log(4.0 / 3) + 0.25 * Math.Log(2.0 / 3) + 0.25 * Math.Log(2);
        double hClasses = -(0.75 * Math.Log(0.75) + 0.25 * Math.Log(0.25));
        double expected = mi / ((Math.Log(2) + hClasses) / 2);
        Assert.Equal(expected, ClusteringMetrics.Nmi([0, 0, 1, 1], [0, 0, 0, 1]), 12);
        Assert.Equal(0.3437110184854508, expected, 12); // sklearn 1.2.1 gives the same
    }

    [Fact]
    public void Perfect_and_permuted_clusterings_score_one()
    {
        int[] truth = [0, 0, 1, 1, 2, 2];
        Assert.Equal(1.0, ClusteringMetrics.Nmi(truth, truth), 12);
        Assert.Equal(1.0, ClusteringMetrics.Nmi([7, 7, 3, 3, 5, 5], truth), 12);
        Assert.Equal(1.0, ClusteringMetrics.Purity([7, 7, 3, 3, 5, 5], truth));
    }

    [Fact]
    public void A_single_cluster_carries_no_information()
    {
        Assert.Equal(0.0, ClusteringMetrics.Nmi([4, 4, 4, 4], [0, 1, 0, 1]));
        Assert.Equal(0.5, ClusteringMetrics.Purity([4, 4, 4, 4], [0, 1, 0, 1]));
        Assert.Equal(1.0, ClusteringMetrics.Nmi([4, 4, 4], [1, 1, 1])); // both trivial: sklearn's special case
    }

    [Fact]
    public void Length_mismatch_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ClusteringMetrics.Nmi([0, 1], [0]));
        Assert.Contains("Nmi", e.Message);
    }
}
