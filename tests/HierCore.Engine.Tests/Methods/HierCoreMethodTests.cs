using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using HierCore.Engine.Features;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Methods;

public class HierCoreMethodTests
{
    static double PooledAuroc(IReadOnlyList<Prediction> p, bool[] anomalous, bool normalized) =>
        RocAuc.Compute(p.Select(x => normalized ? x.NormalizedScore : x.Score).ToArray(), anomalous);

    [Fact]
    public void Without_labels_clusters_recover_the_classes_and_normalised_scores_beat_one_global_scale()
    {
        var (train, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 12, anomalousPerClass: 0, seed: 1);
        var (test, testLabels, anomalous) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 10, anomalousPerClass: 5, seed: 2);
        using var _t = train; using var _s = test;

        using var hier = new HierCoreMethod();
        hier.Fit(train, null, MethodTestContext.For("hiercore", Scenario.S4));
        var h = hier.Score(test, null, MethodTestContext.For("hiercore", Scenario.S4));
        using var unified = new PatchCoreMethod();
        unified.Fit(train, null, MethodTestContext.For("patchcore", Scenario.S4));
        var u = unified.Score(test, null, MethodTestContext.For("patchcore", Scenario.S4));

        Assert.Equal(2, hier.Groups.Count);
        // Every training image of a class lands in one cluster, and the two classes in different clusters.
        Assert.Single(hier.TrainingGroups.Take(12).Distinct());
        Assert.Single(hier.TrainingGroups.Skip(12).Distinct());
        Assert.NotEqual(hier.TrainingGroups[0], hier.TrainingGroups[12]);
        // Test images are routed to their own class's cluster.
        Assert.All(Enumerable.Range(0, test.Count), i => Assert.Equal(hier.TrainingGroups[testLabels[i] == "calm" ? 0 : 12], h[i].Group));

        // The busy class's normals outscore the calm class's anomalies on the raw scale; z fixes that.
        var hierAuroc = PooledAuroc(h, anomalous, normalized: true);
        var unifiedAuroc = PooledAuroc(u, anomalous, normalized: true);
        Assert.True(hierAuroc > unifiedAuroc + 0.1, $"hiercore {hierAuroc:0.000} vs patchcore {unifiedAuroc:0.000}");
        Assert.True(hierAuroc >= 0.95, $"hiercore pooled AUROC {hierAuroc:0.000}");
    }

    [Fact]
    public void Known_class_routes_to_its_own_group_even_when_the_descriptor_points_elsewhere()
    {
        var (train, trainLabels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 6, anomalousPerClass: 0, seed: 3);
        var (test, testLabels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 3, anomalousPerClass: 0, seed: 4);
        using var _t = train; using var _s = test;
        // Swap every test descriptor to the other class's direction: only the label can route correctly.
        var swapped = test.Descriptors.Select(d => new[] { d[1], d[0], d[2], d[3] }).ToArray();
        using var misleading = new FeatureSet(test.Patches.clone(), swapped, test.ContentKeys);

        using var method = new HierCoreMethod();
        method.Fit(train, trainLabels, MethodTestContext.For("hiercore", Scenario.S1));
        var known = method.Score(misleading, testLabels, MethodTestContext.For("hiercore", Scenario.S1));
        var unknown = method.Score(misleading, null, MethodTestContext.For("hiercore", Scenario.S2));

        Assert.All(Enumerable.Range(0, known.Count), i => Assert.Equal(testLabels[i], method.Groups[known[i].Group].Name));
        Assert.All(Enumerable.Range(0, unknown.Count), i => Assert.NotEqual(testLabels[i], method.Groups[unknown[i].Group].Name));
    }

    [Fact]
    public void Top2_routing_keeps_the_smaller_normalised_score_of_the_two_nearest_groups()
    {
        var (train, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 8, anomalousPerClass: 0, seed: 5);
        var (test, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 4, anomalousPerClass: 2, seed: 6);
        using var _t = train; using var _s = test;
        var top2 = MethodTestContext.For("hiercore", Scenario.S4, s => s with { Routing = "top2", Grouping = "k:2" });

        using var method = new HierCoreMethod();
        method.Fit(train, null, top2);
        var p = method.Score(test, null, top2);

        for (var i = 0; i < test.Count; i++)
        {
            var zs = method.Groups.Select(g => g.Model.Predict(g.Model.Score(test, [i], false, CancellationToken.None)[0]).NormalizedScore).ToArray();
            Assert.Equal(zs.Min(), p[i].NormalizedScore, 9);
        }
    }
}
