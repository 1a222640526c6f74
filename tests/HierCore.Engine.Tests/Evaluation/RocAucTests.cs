using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class RocAucTests
{
    [Fact]
    public void Sklearn_docs_example_gives_three_quarters()
    {
        Assert.Equal(0.75, RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 12);
    }

    [Fact]
    public void Ties_between_classes_count_one_half()
    {
        // positives {0.3, 0.7}, negatives {0.3, 0.3, 0.1}:
        // 0.3 → tie, tie, win = 2; 0.7 → three wins = 3; AUROC = 5 / 6.
        double auroc = RocAuc.Compute([0.3, 0.3, 0.7, 0.3, 0.1], [true, false, true, false, false]);
        Assert.Equal(5.0 / 6.0, auroc, 12);
    }

    [Fact]
    public void A_class_with_a_single_anomaly_ranks_it_against_each_normal()
    {
        // 0.5 beats 0.2, loses to 0.9 and 0.6.
        Assert.Equal(1.0 / 3.0, RocAuc.Compute([0.2, 0.9, 0.5, 0.6], [false, false, true, false]), 12);
    }

    [Fact]
    public void All_equal_scores_give_one_half()
    {
        Assert.Equal(0.5, RocAuc.Compute([2.0, 2.0, 2.0, 2.0, 2.0], [true, false, false, true, false]), 12);
    }

    [Fact]
    public void One_class_only_is_NaN()
    {
        Assert.True(double.IsNaN(RocAuc.Compute([0.1, 0.9], [false, false])));
        Assert.True(double.IsNaN(RocAuc.Compute([0.1, 0.9], [true, true])));
        Assert.True(double.IsNaN(RocAuc.Compute([], [])));
    }

    [Fact]
    public void Perfect_and_inverted_rankings_give_one_and_zero()
    {
        Assert.Equal(1.0, RocAuc.Compute([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, RocAuc.Compute([0.8, 0.9, 0.1, 0.2], [false, false, true, true]));
    }

    [Fact]
    public void Infinite_scores_are_ranked_normally()
    {
        Assert.Equal(1.0, RocAuc.Compute([double.NegativeInfinity, double.PositiveInfinity], [false, true]));
    }

    [Theory]
    [InlineData(1, 50, 5)]
    [InlineData(2, 300, 20)]
    [InlineData(3, 500, 1000)]
    public void Equals_pair_counting_on_random_data_with_ties(int seed, int n, int levels)
    {
        var (scores, labels) = Reference.RandomWithTies(new Random(seed), n, levels, 0.3);
        Assert.Equal(Reference.PairCountingAuroc(scores, labels), RocAuc.Compute(scores, labels), 12);
    }

    [Fact]
    public void Mismatched_lengths_and_NaN_are_rejected_with_the_metric_named()
    {
        var e = Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.1, 0.2], [true]));
        Assert.Contains("RocAuc", e.Message);
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([0.1, double.NaN], [true, false]));
    }
}

public class SklearnReferenceTests
{
    // Values printed by scikit-learn 1.2.1 (Debian python3-sklearn) for these exact inputs.
    private static readonly double[] Scores = [0.12, 0.5, 0.5, 0.33, 0.91, 0.5, 0.07, 0.33];
    private static readonly bool[] Labels = [false, true, false, true, true, false, false, false];

    [Fact]
    public void Roc_auc_score() => Assert.Equal(0.7666666666666666, RocAuc.Compute(Scores, Labels), 14);

    [Fact]
    public void Roc_curve_with_and_without_dropping_intermediate_points()
    {
        // sklearn 1.2 starts the thresholds at max + 1 (1.91); from 1.3 on it is +∞, which we follow.
        var dropped = RocCurve.Compute(Scores, Labels);
        Assert.Equal([0, 0, 0.4, 0.6, 1], dropped.Fpr.Select(v => Math.Round(v, 12)));
        Assert.Equal([0, 1.0 / 3, 2.0 / 3, 1, 1], dropped.Tpr);
        Assert.Equal([double.PositiveInfinity, 0.91, 0.5, 0.33, 0.07], dropped.Thresholds);

        var full = RocCurve.Compute(Scores, Labels, dropIntermediate: false);
        Assert.Equal([double.PositiveInfinity, 0.91, 0.5, 0.33, 0.12, 0.07], full.Thresholds);
        Assert.Equal([0, 0, 0.4, 0.6, 0.8, 1], full.Fpr.Select(v => Math.Round(v, 12)));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 0, 0, 1, 1, 1, 2 }, 0.4398695005110285)]
    [InlineData(new[] { 0, 0, 1, 1, 2, 2, 3 }, new[] { 1, 1, 0, 0, 0, 2, 2 }, 0.7248303282742284)]
    [InlineData(new[] { 0, 1, 0, 1 }, new[] { 0, 0, 1, 1 }, 0.0)]
    public void Normalized_mutual_info_score(int[] assigned, int[] truth, double sklearn) =>
        Assert.Equal(sklearn, ClusteringMetrics.Nmi(assigned, truth), 12);
}
