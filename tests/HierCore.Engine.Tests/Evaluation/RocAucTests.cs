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
