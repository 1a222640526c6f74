using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class RocCurveTests
{
    [Fact]
    public void Matches_the_sklearn_roc_curve_docs_example()
    {
        var c = RocCurve.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);
        Assert.Equal([0, 0, 0.5, 0.5, 1], c.Fpr);
        Assert.Equal([0, 0.5, 0.5, 1, 1], c.Tpr);
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], c.Thresholds);
    }

    [Fact]
    public void Tied_scores_make_one_point_and_collinear_points_are_dropped_only_on_request()
    {
        // Distinct scores 0.9 (P), 0.8 (P), 0.7 (P), 0.2 (P and N tied): (tp, fp) = (1,0), (2,0), (3,0), (4,1).
        double[] scores = [0.9, 0.8, 0.7, 0.2, 0.2];
        bool[] labels = [true, true, true, false, true];
        var full = RocCurve.Compute(scores, labels, dropIntermediate: false);
        Assert.Equal([double.PositiveInfinity, 0.9, 0.8, 0.7, 0.2], full.Thresholds);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], full.Tpr);
        Assert.Equal([0, 0, 0, 0, 1], full.Fpr);

        // 0.8 sits mid-way on the straight vertical run 0.9 → 0.8 → 0.7 (zero second difference): sklearn drops it.
        var dropped = RocCurve.Compute(scores, labels);
        Assert.Equal([double.PositiveInfinity, 0.9, 0.7, 0.2], dropped.Thresholds);
        Assert.Equal([0, 0.25, 0.75, 1], dropped.Tpr);
    }

    [Fact]
    public void Area_under_the_curve_equals_RocAuc()
    {
        var (scores, labels) = Reference.RandomWithTies(new Random(7), 400, 30, 0.4);
        var c = RocCurve.Compute(scores, labels);
        double area = 0;
        for (int i = 1; i < c.Fpr.Length; i++) area += (c.Fpr[i] - c.Fpr[i - 1]) * (c.Tpr[i] + c.Tpr[i - 1]) / 2;
        Assert.Equal(RocAuc.Compute(scores, labels), area, 12);
    }

    [Fact]
    public void Fpr_is_NaN_without_normal_samples()
    {
        var c = RocCurve.Compute([0.2, 0.4], [true, true]);
        Assert.All(c.Fpr, f => Assert.True(double.IsNaN(f)));
        Assert.Equal([0, 0.5, 1], c.Tpr);
    }
}
