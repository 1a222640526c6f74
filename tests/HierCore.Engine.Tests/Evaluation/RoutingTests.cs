using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class RoutingAccuracyTests
{
    [Fact]
    public void Majority_class_per_group_with_ordinal_tie_break()
    {
        var majority = RoutingAccuracy.MajorityClasses(
            ["g0", "g0", "g0", "g1", "g1"], ["bottle", "cable", "bottle", "zipper", "cable"]);
        Assert.Equal("bottle", majority["g0"]);
        Assert.Equal("cable", majority["g1"]); // 1–1 tie: "cable" < "zipper"
    }

    [Fact]
    public void Accuracy_by_hand()
    {
        var majority = new Dictionary<string, string?> { ["g0"] = "bottle", ["g1"] = "cable", ["g2"] = null };
        // correct: #0 (g0→bottle), #2 (g1→cable); wrong: #1, #3 (null majority), #4 (unknown group).
        double acc = RoutingAccuracy.Compute(
            ["g0", "g0", "g1", "g2", "g9"], ["bottle", "cable", "cable", "bottle", "bottle"], majority);
        Assert.Equal(2.0 / 5, acc, 12);
    }
}

public class RoutingEvaluationTests
{
    private static readonly string[] TrainGroups = ["g0", "g0", "g0", "g1", "g1", "g1"];
    private static readonly string[] TrainClasses = ["a", "a", "b", "b", "b", "c"];

    [Fact]
    public void Without_training_labels_purity_and_nmi_come_from_the_training_clusters()
    {
        // Majorities g0 → a, g1 → b. Test: a→g0 ✓, b→g0 ✗, b→g1 ✓, c→g1 ✗.
        var m = RoutingEvaluation.Compute(TrainGroups, TrainClasses, ["g0", "g0", "g1", "g1"], ["a", "b", "b", "c"], false);
        Assert.Equal(0.5, m.RoutingAccuracy, 12);
        Assert.Equal(2, m.Groups);
        Assert.Equal(4.0 / 6, m.ClusteringPurity!.Value, 12);
        Assert.Equal(0.4398695005110285, m.ClusteringNmi!.Value, 12); // sklearn on the same labelings
    }

    [Fact]
    public void With_training_labels_only_routing_accuracy_is_reported()
    {
        var m = RoutingEvaluation.Compute(TrainGroups, TrainClasses, ["g1"], ["b"], true);
        Assert.Equal(1.0, m.RoutingAccuracy);
        Assert.Null(m.ClusteringPurity);
        Assert.Null(m.ClusteringNmi);
    }
}
