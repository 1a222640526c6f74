using HierCore.Engine.Experiments;
using HierCore.Engine.Features;
using HierCore.Engine.Memory;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Methods;

public class DecisionCriterionTests
{
    [Fact]
    public void Mean_std_and_quantiles_match_hand_computed_values()
    {
        var c = DecisionCriterion.FromSample([1.0, 2.0, 3.0, 4.0, double.PositiveInfinity]);
        Assert.Equal(4, c.Samples);                      // the infinite score is dropped
        Assert.Equal(2.5, c.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), c.Std, 12);   // sample std (n − 1)
        Assert.Equal(2.5, c.Quantiles[0], 12);           // median by linear interpolation
        Assert.Equal(4.0, c.Quantiles[^1], 12);
        Assert.Equal(2.5 + 3 * Math.Sqrt(5.0 / 3.0), c.Threshold(3), 12);
        Assert.Equal(1.0, c.Normalize(2.5 + Math.Sqrt(5.0 / 3.0)), 12);
    }

    [Fact]
    public void Leave_image_out_ignores_the_images_own_memory_entries()
    {
        // Three images: A, its near-twin A' (= A + 0.01) and a far-away image B, four 2-d patches each.
        // With ratio 1 every patch is in the bank, so without exclusion every image would score 0.
        float[] a = [0, 0, 0, 1, 1, 0, 1, 1];
        var a2 = a.Select(x => x + 0.01f).ToArray();
        var b = a.Select(x => x + 10f).ToArray();
        using var train = new FeatureSet(tensor(a.Concat(a2).Concat(b).ToArray(), [3, 4, 2]), [[1f, 0f], [1f, 0f], [0f, 1f]], ["a1", "a2", "b"]);
        int[] members = [0, 1, 2];
        using var flat = train.PatchesOf(members);
        using var bank = MemoryBank.Build(flat, train.SourcesOf(members), 1.0, seed: 0, projectionDim: 2);

        var scores = CriterionEstimator.LeaveImageOut(train, members, bank, reweighting: false, CancellationToken.None);

        Assert.Equal(12, bank.Entries);
        Assert.Equal(0.01 * Math.Sqrt(2), scores[0], 4);       // nearest admissible entries are the twin's
        Assert.Equal(0.01 * Math.Sqrt(2), scores[1], 4);
        Assert.Equal(9.99 * Math.Sqrt(2), scores[2], 3);       // B's patch (11,11) to A' (1.01,1.01)
    }

    [Fact]
    public void Folds_criterion_scores_each_image_once_against_a_bank_without_it()
    {
        var (train, _, _) = SyntheticFeatures.Make([SyntheticFeatures.TwoScales[0]], perClass: 6, anomalousPerClass: 0, seed: 10);
        using var _t = train;
        var scores = CriterionEstimator.Folds(train, [0, 1, 2, 3, 4, 5], folds: 3, ratio: 1.0, seed: 0, projectionDim: 8, reweighting: false, CancellationToken.None);
        Assert.Equal(6, scores.Count);
        Assert.All(scores, s => Assert.True(s > 0, "a held-out image is never in its own bank"));
        Assert.Throws<ArgumentException>(() => CriterionEstimator.Parse("folds:1"));
        Assert.Equal(("folds", 5), CriterionEstimator.Parse("folds:5"));
    }
}
