using HierCore.Engine.Features;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Methods;

/// <summary>
/// A group whose training images give fewer than two unmemorised scores has no σ of its own. It borrows a criterion
/// pooled over the method's other groups and says so, instead of μ = 0, σ = 1e-6 that flags every image.
/// </summary>
public class CriterionFallbackTests
{
    /// <summary>"calm" with one training image, "busy" with eight.</summary>
    static (FeatureSet Train, string[] Labels) OneCalmEightBusy(int seed = 21)
    {
        var (all, labels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 8, anomalousPerClass: 0, seed: seed);
        using var _ = all;
        int[] keep = [0, .. Enumerable.Range(8, 8)];
        return (Subset(all, keep), keep.Select(i => labels[i]).ToArray());
    }

    static FeatureSet Subset(FeatureSet set, int[] rows)
    {
        var patches = set.PatchesOf(rows).reshape(rows.Length, set.PatchesPerImage, set.Dim);
        return new FeatureSet(patches, rows.Select(i => set.Descriptors[i]).ToArray(), rows.Select(i => set.ContentKeys[i]).ToArray());
    }

    [Fact]
    public void A_one_image_class_gets_the_criterion_pooled_over_the_other_groups_and_says_so()
    {
        var (train, labels) = OneCalmEightBusy();
        using var _t = train;
        using var method = new PatchCoreOneClassMethod();
        method.Fit(train, labels, MethodTestContext.For("patchcore-oc", Scenario.S1));

        var calm = method.Groups.Single(g => g.Name == "calm").Model.Criterion;
        var busy = method.Groups.Single(g => g.Name == "busy").Model.Criterion;
        Assert.Equal(DecisionCriterion.PooledFallback, calm.Fallback);
        Assert.Equal(0, calm.Samples);
        Assert.Null(busy.Fallback);
        Assert.Equal(8, busy.Samples);
        // busy is the only other group, so the pooled criterion is busy's own sample.
        Assert.Equal(busy.Mean, calm.Mean, 9);
        Assert.Equal(busy.Std, calm.Std, 9);
        Assert.True(calm.Std > 0.01, $"σ {calm.Std} is a real spread, not the 1e-6 floor");
    }

    [Fact]
    public void The_fallback_is_recorded_in_the_run_results_criteria()
    {
        var (train, labels) = OneCalmEightBusy();
        using var _t = train;
        using var method = new HierCoreMethod();
        method.Fit(train, labels, MethodTestContext.For("hiercore", Scenario.S1));
        var json = ResultJson.Serialize(ResultAssembler.Criteria(method, lambda: 3));
        Assert.Contains("\"group\": \"calm\"", json);
        Assert.Contains("\"samples\": 0", json);
        Assert.Contains("\"fallback\": \"pooled\"", json);
    }

    [Fact]
    public void When_no_group_has_a_usable_sample_fit_refuses_with_a_clear_message()
    {
        var (all, labels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 4, anomalousPerClass: 0, seed: 22);
        using var _a = all;
        using var two = Subset(all, [0, 4]);   // one calm, one busy image
        using var method = new PatchCoreOneClassMethod();
        var e = Assert.Throws<ArgumentException>(() => method.Fit(two, [labels[0], labels[4]], MethodTestContext.For("patchcore-oc", Scenario.S1)));
        Assert.Contains("no group", e.Message);
        Assert.Contains("criterion", e.Message);
    }

    [Fact]
    public void A_singleton_cluster_without_labels_gets_the_pooled_criterion()
    {
        var (train, _) = OneCalmEightBusy(seed: 23);
        using var _t = train;
        using var method = new HierCoreMethod();
        method.Fit(train, null, MethodTestContext.For("hiercore", Scenario.S4, s => s with { Grouping = "k:2" }));

        var single = method.Groups.Single(g => g.Model.Members == 1).Model.Criterion;
        Assert.Equal(DecisionCriterion.PooledFallback, single.Fallback);
        Assert.True(single.Std > 0.01);
    }
}
