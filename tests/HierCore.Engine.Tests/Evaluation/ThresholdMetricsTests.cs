using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class ThresholdMetricsTests
{
    [Fact]
    public void Score_equal_to_the_threshold_is_normal()
    {
        // τ = 0.35, anomalous if score > τ: 0.8 TP, 0.4 FP, 0.35 FN (strict), 0.1 TN.
        var m = ThresholdMetrics.At([0.1, 0.4, 0.35, 0.8], [false, false, true, true], 0.35);
        Assert.Equal((1, 1, 1, 1), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
        Assert.Equal(0.5, m.Precision);
        Assert.Equal(0.5, m.Recall);
        Assert.Equal(0.5, m.F1);
        Assert.Equal(0.5, m.Accuracy);
    }

    [Fact]
    public void Hand_computed_rates()
    {
        // τ = 0.3: flagged 0.4 (N), 0.6 (A), 0.9 (A); missed 0.2 (A). TP 2, FP 1, FN 1, TN 2.
        var m = ThresholdMetrics.At([0.4, 0.6, 0.9, 0.2, 0.1, 0.25], [false, true, true, true, false, false], 0.3);
        Assert.Equal(2.0 / 3, m.Precision, 12);
        Assert.Equal(2.0 / 3, m.Recall, 12);
        Assert.Equal(2.0 / 3, m.F1, 12);
        Assert.Equal(4.0 / 6, m.Accuracy, 12);
    }

    [Fact]
    public void Undefined_ratios_are_NaN()
    {
        var nothingFlagged = ThresholdMetrics.At([0.1, 0.2], [true, false], 5);
        Assert.True(double.IsNaN(nothingFlagged.Precision));
        Assert.Equal(0, nothingFlagged.Recall);
        Assert.Equal(0, nothingFlagged.F1);
        Assert.Equal(0.5, nothingFlagged.Accuracy);

        var noAnomalies = ThresholdMetrics.At([0.1, 0.2], [false, false], 0.15);
        Assert.True(double.IsNaN(noAnomalies.Recall));
        Assert.True(double.IsNaN(noAnomalies.F1));
        Assert.Equal(0.5, noAnomalies.Accuracy);
    }

    [Fact]
    public void Reproduces_F1Max_just_below_its_threshold()
    {
        var (scores, labels) = Reference.RandomWithTies(new Random(5), 200, 25, 0.3);
        var (f1, t) = F1Max.Compute(scores, labels);
        Assert.Equal(f1, ThresholdMetrics.At(scores, labels, Math.BitDecrement(t)).F1, 12);
    }
}
