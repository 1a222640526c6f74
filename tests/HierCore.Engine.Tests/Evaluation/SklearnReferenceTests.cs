using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

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
