using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Methods;

public class PatchCoreOneClassTests
{
    [Fact]
    public void Unknown_class_keeps_the_minimum_image_score_over_every_class_bank()
    {
        var (train, trainLabels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 6, anomalousPerClass: 0, seed: 7);
        var (test, testLabels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 4, anomalousPerClass: 2, seed: 8);
        using var _t = train; using var _s = test;
        using var method = new PatchCoreOneClassMethod();
        method.Fit(train, trainLabels, MethodTestContext.For("patchcore-oc", Scenario.S2));

        var unknown = method.Score(test, null, MethodTestContext.For("patchcore-oc", Scenario.S2));
        var perBank = method.Groups.Select(g => g.Model.Score(test, Enumerable.Range(0, test.Count).ToArray(), false, CancellationToken.None)).ToArray();

        for (var i = 0; i < test.Count; i++)
        {
            var best = Enumerable.Range(0, perBank.Length).MinBy(g => perBank[g][i].Score);
            Assert.Equal(perBank[best][i].Score, unknown[i].Score, 9);
            Assert.Equal(best, unknown[i].Group);
            // Its normalised score and map come from that same bank's criterion.
            Assert.Equal(method.Groups[best].Model.Criterion.Normalize(unknown[i].Score), unknown[i].NormalizedScore, 9);
        }
    }

    [Fact]
    public void Without_training_labels_it_refuses_with_a_not_applicable_error()
    {
        var (train, _, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 3, anomalousPerClass: 0, seed: 9);
        using var _t = train;
        using var method = new PatchCoreOneClassMethod();
        var e = Assert.Throws<NotApplicableException>(() => method.Fit(train, null, MethodTestContext.For("patchcore-oc", Scenario.S3)));
        Assert.Contains("training", e.Message);
        Assert.NotNull(MethodCatalog.NotApplicableReason("patchcore-oc", Scenario.S4));
        Assert.Null(MethodCatalog.NotApplicableReason("patchcore-oc", Scenario.S2));
        Assert.Null(MethodCatalog.NotApplicableReason("hiercore", Scenario.S4));
    }
}
