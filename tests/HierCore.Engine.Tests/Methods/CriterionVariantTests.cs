using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;
using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Methods;

/// <summary>The --scale and --criterion variants on samples and features built so the answer is known.</summary>
public class CriterionVariantTests
{
    // Group a: 5 scores, mean 3, sample variance 2.5. Group b: 3 scores, mean 20, sample variance 100.
    static readonly DecisionCriterion A = DecisionCriterion.FromSample([1.0, 2, 3, 4, 5]);
    static readonly DecisionCriterion B = DecisionCriterion.FromSample([10.0, 20, 30]);
    static readonly double Pooled = Math.Sqrt((4 * 2.5 + 2 * 100.0) / 6);

    [Fact]
    public void Shrink_with_kappa_zero_keeps_each_groups_sigma_and_kappa_infinite_gives_the_pooled_sigma()
    {
        var none = CriterionScale.Parse("shrink:0").Apply([A, B]);
        Assert.Equal(Math.Sqrt(2.5), none[0].Spread, 12);
        Assert.Equal(10, none[1].Spread, 12);

        var huge = CriterionScale.Parse("shrink:1e12").Apply([A, B]);
        Assert.Equal(Pooled, huge[0].Spread, 6);
        Assert.Equal(Pooled, huge[1].Spread, 6);
        var infinite = CriterionScale.Parse("shrink:Infinity").Apply([A, B]);
        Assert.Equal(Pooled, infinite[0].Spread, 12);

        // In between: the precision-weighted mix of σg² (ng − 1 dof) and σp² (κ dof); centres stay the means.
        var mid = CriterionScale.Parse("shrink:4").Apply([A, B]);
        Assert.Equal(Math.Sqrt((4 * 2.5 + 4 * Pooled * Pooled) / 8), mid[0].Spread, 12);
        Assert.Equal(3, mid[0].Center, 12);
        Assert.Equal(20, mid[1].Center, 12);
        Assert.Equal((7 - 3) / mid[0].Spread, mid[0].Normalize(7), 12);
    }

    [Fact]
    public void Robust_scale_ignores_one_outlier_that_inflates_the_plain_sigma()
    {
        var clean = DecisionCriterion.FromSample([1.0, 2, 3, 4, 5, 6, 7, 8, 9]);
        var spoiled = DecisionCriterion.FromSample([1.0, 2, 3, 4, 5, 6, 7, 8, 1000]);
        var robust = CriterionScale.Parse("robust").Apply([clean, spoiled]);

        // median 5 and MAD 2 in both samples
        Assert.All(robust, c => Assert.Equal(5, c.Center, 12));
        Assert.All(robust, c => Assert.Equal(1.4826 * 2, c.Spread, 12));
        Assert.True(spoiled.Std > 100 * clean.Std, "the outlier inflates the plain σ");
        var z = CriterionScale.Parse("z").Apply([spoiled])[0];
        Assert.True(z.Normalize(20) < 3 && robust[1].Normalize(20) > 3, "a score of 20 is flagged only by the robust scale");
    }

    [Fact]
    public void False_alarm_rate_counts_flagged_normals_only_and_the_nominal_rate_is_the_normal_tail()
    {
        // z of normals 0.5, 3.5, 4, 1; of anomalies 5, 2. At λ = 3: two of four normals are flagged.
        var outcome = ThresholdMetrics.At([0.5, 3.5, 4, 1, 5, 2], [false, false, false, false, true, true], 3);
        Assert.Equal(0.5, outcome.FalseAlarmRate, 12);
        Assert.Equal(0.0013499, ThresholdOutcome.NominalFalseAlarmRate(3), 6);
        Assert.Equal(0.5, ThresholdOutcome.NominalFalseAlarmRate(0), 6);
        Assert.True(double.IsNaN(ThresholdMetrics.At([5.0], [true], 3).FalseAlarmRate));
    }

    [Fact]
    public void Scale_and_criterion_options_are_parsed_and_validated_in_one_place()
    {
        Assert.Equal(new CriterionScale("shrink", 20), CriterionScale.Parse(" Shrink:20 "));
        Assert.Equal(("leave-neighbours-out", 3), CriterionEstimator.Parse("leave-neighbours-out:3"));
        var bad = new RunSpec { Dataset = "demo", Method = "hiercore", Scenario = Scenario.S1, Scale = "shrink:-1", Criterion = "leave-neighbours-out:0" };
        var problems = RunSpecValidation.Problems(bad);
        Assert.Contains(problems, p => p.StartsWith("Scale:") && p.Contains("shrink:-1"));
        Assert.Contains(problems, p => p.StartsWith("Criterion:") && p.Contains("leave-neighbours-out:0"));
        Assert.Empty(RunSpecValidation.Problems(bad with { Scale = "robust", Criterion = "leave-neighbours-out:2" }));
    }

    [Fact]
    public void Leave_neighbours_out_excludes_the_k_nearest_images_by_descriptor()
    {
        // Two twin pairs (A, A′) and (B, B′): a twin's patches stand in for the held-out image under
        // leave-image-out. Descriptors make each twin the other's nearest image, so k = 1 removes exactly it.
        float[] a = [0, 0, 0, 1, 1, 0, 1, 1];
        var a2 = a.Select(x => x + 0.01f).ToArray();
        var b = a.Select(x => x + 10f).ToArray();
        var b2 = b.Select(x => x + 0.02f).ToArray();
        using var train = new FeatureSet(tensor(a.Concat(a2).Concat(b).Concat(b2).ToArray(), [4, 4, 2]),
            [[1f, 0f], [0.99f, 0.1f], [0f, 1f], [0.1f, 0.99f]], ["a", "a2", "b", "b2"]);
        int[] members = [0, 1, 2, 3];
        using var flat = train.PatchesOf(members);
        using var bank = MemoryBank.Build(flat, train.SourcesOf(members), 1.0, seed: 0, projectionDim: 2);

        Assert.Equal([1], CriterionEstimator.NearestByDescriptor(train.Descriptors, members, 0, 1));
        var image = CriterionEstimator.LeaveImageOut(train, members, bank, reweighting: false, CancellationToken.None);
        var neighbours = CriterionEstimator.LeaveNeighboursOut(train, members, bank, 1, reweighting: false, CancellationToken.None);

        Assert.Equal(0.01 * Math.Sqrt(2), image[0], 4);                       // the twin stands in
        // The image score is the worst patch: with the twin gone, A's (0,0) is nearest to B's (10,10) …
        Assert.Equal(Math.Sqrt(2) * 10, neighbours[0], 3);
        Assert.Equal(Math.Sqrt(2) * 9.99, neighbours[1], 3);                    // … A′'s (0.01,0.01) to B's (10,10)
        Assert.Equal(Math.Sqrt(2) * 9.99, neighbours[2], 3);                    // B's (11,11) to A′'s (1.01,1.01)
        // k = 3 leaves nothing admissible: +∞, which the criterion then drops.
        var all = CriterionEstimator.LeaveNeighboursOut(train, members, bank, 3, reweighting: false, CancellationToken.None);
        Assert.All(all, s => Assert.True(double.IsPositiveInfinity(s)));
    }

    [Fact]
    public void A_methods_scale_is_applied_across_its_groups_and_recorded_in_each_prediction()
    {
        var (train, labels, _) = SyntheticFeatures.Make(SyntheticFeatures.TwoScales, perClass: 12, anomalousPerClass: 0, seed: 3);
        using var _t = train;
        using var zMethod = new HierCoreMethod();
        using var pooledMethod = new HierCoreMethod();
        zMethod.Fit(train, labels, MethodTestContext.For("hiercore", Scenario.S1));
        pooledMethod.Fit(train, labels, MethodTestContext.For("hiercore", Scenario.S1, s => s with { Scale = "shrink:Infinity" }));

        var spreads = zMethod.Groups.Select(g => g.Model.Criterion.Spread).ToArray();
        Assert.NotEqual(spreads[0], spreads[1], 3);
        var pooled = pooledMethod.Groups.Select(g => g.Model.Criterion.Spread).ToArray();
        Assert.Equal(pooled[0], pooled[1], 9);
        Assert.InRange(pooled[0], spreads.Min(), spreads.Max());
        var p = pooledMethod.Score(train, labels, MethodTestContext.For("hiercore", Scenario.S1, s => s with { Scale = "shrink:Infinity" })).Predictions[0];
        Assert.Equal(pooled[0], p.GroupSpread, 9);
    }
}
