using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

/// <summary>The routing numbers of result.json: ResultAssembler computes them with exactly these calls.</summary>
public class RoutingEvaluationTests
{
    static readonly int[] TrainGroups = [0, 0, 0, 1, 1, 1];
    static readonly string[] TrainClasses = ["a", "a", "b", "b", "b", "c"];

    [Fact]
    public void Majority_class_per_group_with_ordinal_tie_break_and_null_for_an_empty_group()
    {
        var majority = RoutingEvaluation.MajorityClasses([0, 0, 0, 1, 1], ["bottle", "cable", "bottle", "zipper", "cable"], groupCount: 3);
        Assert.Equal(new[] { "bottle", "cable", null }, majority.AsEnumerable()); // g1: 1–1 tie, "cable" < "zipper"; g2 has no training image
    }

    [Fact]
    public void A_route_to_a_group_without_training_images_is_wrong()
    {
        // Majorities g0 → a, g1 → b, g2 → none. Test: a→g0 ✓, b→g1 ✓, b→g2 ✗, a→g1 ✗.
        var m = RoutingEvaluation.Compute(TrainGroups, TrainClasses, [0, 1, 2, 1], ["a", "b", "b", "a"], groupCount: 3, groupsFromTrainingLabels: true);
        Assert.Equal(0.5, m.RoutingAccuracy, 12);
        Assert.Equal(3, m.Groups);
    }

    [Fact]
    public void Without_training_labels_purity_and_nmi_come_from_the_training_clusters()
    {
        // Majorities g0 → a, g1 → b. Test: a→g0 ✓, b→g0 ✗, b→g1 ✓, c→g1 ✗.
        var m = RoutingEvaluation.Compute(TrainGroups, TrainClasses, [0, 0, 1, 1], ["a", "b", "b", "c"], groupCount: 2, groupsFromTrainingLabels: false);
        Assert.Equal(0.5, m.RoutingAccuracy, 12);
        Assert.Equal(2, m.Groups);
        Assert.Equal(4.0 / 6, m.ClusteringPurity!.Value, 12);
        Assert.Equal(0.4398695005110285, m.ClusteringNmi!.Value, 12); // sklearn on the same labelings
    }

    [Fact]
    public void With_training_labels_only_routing_accuracy_is_reported()
    {
        var m = RoutingEvaluation.Compute(TrainGroups, TrainClasses, [1], ["b"], groupCount: 2, groupsFromTrainingLabels: true);
        Assert.Equal(1.0, m.RoutingAccuracy);
        Assert.Null(m.ClusteringPurity);
        Assert.Null(m.ClusteringNmi);
    }
}
