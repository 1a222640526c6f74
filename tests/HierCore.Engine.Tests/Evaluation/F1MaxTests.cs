using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class F1MaxTests
{
    [Fact]
    public void Best_threshold_by_hand()
    {
        // t = 0.8: TP 1 FP 0 → 2/3; 0.4: TP 1 FP 1 → 1/2; 0.35: TP 2 FP 1 → 4/5; 0.1: TP 2 FP 2 → 2/3.
        var (f1, threshold) = F1Max.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal(0.8, f1, 12);
        Assert.Equal(0.35, threshold);
    }

    [Fact]
    public void Tied_scores_are_all_on_the_same_side_of_a_threshold()
    {
        // At t = 0.5 the anomaly and the normal tied with it are both flagged: TP 1, FP 2 → F1 = 2/(2+2) = 1/2.
        // (Splitting the tie would claim TP 1, FP 1 → 2/3.)
        var (f1, threshold) = F1Max.Compute([0.5, 0.5, 0.9], [true, false, false]);
        Assert.Equal(0.5, f1, 12);
        Assert.Equal(0.5, threshold);
    }

    [Fact]
    public void The_highest_threshold_wins_a_tie_in_F1()
    {
        // t = 0.9 → TP 1, FP 0, P 2 → 2/3; t = 0.2 → TP 2, FP 2 → 2/3 as well.
        var (f1, threshold) = F1Max.Compute([0.9, 0.5, 0.3, 0.2], [true, false, false, true]);
        Assert.Equal(2.0 / 3, f1, 12);
        Assert.Equal(0.9, threshold);
    }

    [Fact]
    public void Without_anomalies_F1_is_NaN()
    {
        var (f1, threshold) = F1Max.Compute([0.1, 0.2], [false, false]);
        Assert.True(double.IsNaN(f1));
        Assert.True(double.IsNaN(threshold));
    }
}
