using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;

namespace HierCore.Engine.Tests.Evaluation;

public class EvaluatorTests
{
    // Raw score is set to −z so that any metric read from the raw score instead of z comes out wrong.
    private static ScoredImage Img(string cls, bool anomalous, double z, float[]? map = null, byte[]? mask = null) =>
        new(cls, anomalous, -z, z, map, mask);

    private static readonly List<ScoredImage> Images =
    [
        Img("b", false, 3.5), Img("b", false, 4.0), Img("b", true, 5.0),
        Img("a", false, 0.0, [0.1f, 0.2f]), Img("a", false, 1.0, [0.3f, 0.1f]),
        Img("a", true, 2.0, [0.9f, 0.2f], [1, 0]),
        Img("a", true, 0.5, [0.95f, 0.95f]), // anomalous without a mask: left out of the pixel metrics
    ];

    [Fact]
    public void Per_class_metrics_by_hand()
    {
        var e = new Evaluator(2, 1).Evaluate(Images, Scenario.S1, deployableThreshold: 3);
        Assert.Equal(["a", "b"], e.PerClass.Select(c => c.Class));
        var a = e.PerClass[0];
        var b = e.PerClass[1];
        Assert.Equal((4, 2, 3, 1), (a.TestImages, a.Anomalous, b.TestImages, b.Anomalous));
        Assert.Equal(0.75, a.ImageAuroc, 12);  // 2.0 beats both normals, 0.5 beats 0.0
        Assert.Equal(1.0, b.ImageAuroc, 12);
        Assert.Equal(0.8, a.ImageF1Max, 12);   // t = 0.5: TP 2, FP 1
        Assert.Equal(1.0, b.ImageF1Max, 12);
        Assert.Equal(0.0, a.ImageF1Deployable); // nothing above z = 3
        Assert.Equal(0.5, a.AccuracyDeployable);
        Assert.Equal(0.5, b.ImageF1Deployable, 12); // TP 1, FP 2
        Assert.Equal(1.0 / 3, b.AccuracyDeployable, 12);
    }

    [Fact]
    public void Pixel_metrics_skip_images_without_map_or_mask()
    {
        var e = new Evaluator(2, 1).Evaluate(Images, Scenario.S1, 3);
        // Defect pixel 0.9 vs normal pixels {0.1, 0.2, 0.3, 0.1, 0.2}; the unmasked 0.95s would break it.
        Assert.Equal(1.0, e.PerClass[0].PixelAuroc);
        Assert.Equal(1.0, e.PerClass[0].Aupro);
        Assert.True(double.IsNaN(e.PerClass[1].PixelAuroc)); // class b has no maps
        Assert.True(double.IsNaN(e.PerClass[1].Aupro));
        Assert.Equal(1.0, e.MeanOverClasses.PixelAuroc);     // NaN classes are skipped in the mean
        Assert.Equal(1.0, e.Pooled.PixelAuroc);
    }

    [Fact]
    public void Pooled_metrics_and_mean_over_classes_by_hand()
    {
        var e = new Evaluator(2, 1).Evaluate(Images, Scenario.S1, 3);
        // Anomalies {2.0, 0.5, 5.0} vs normals {0, 1, 3.5, 4}: 2 + 1 + 4 wins of 12.
        Assert.Equal(7.0 / 12, e.Pooled.ImageAuroc, 12);
        Assert.Equal(1.0 / 3, e.Pooled.ImageF1Deployable, 12); // TP 1, FP 2, FN 2
        Assert.Equal(3.0 / 7, e.Pooled.AccuracyDeployable, 12);
        Assert.Equal(0.875, e.MeanOverClasses.ImageAuroc, 12);
        Assert.Equal(0.9, e.MeanOverClasses.ImageF1Max, 12);
        Assert.Equal(0.25, e.MeanOverClasses.ImageF1Deployable, 12);
    }

    [Theory]
    [InlineData(Scenario.S1, 0.875)]
    [InlineData(Scenario.S3, 0.875)]
    [InlineData(Scenario.S2, 7.0 / 12)]
    [InlineData(Scenario.S4, 7.0 / 12)]
    public void Headline_follows_label_availability_at_evaluation(Scenario scenario, double expected)
    {
        Assert.Equal(expected, new Evaluator(2, 1).Evaluate(Images, scenario, 3).Headline, 12);
    }

    [Fact]
    public void The_deployable_threshold_is_applied_to_z()
    {
        // At λ = 0.7 class a flags 1.0 (FP) and 2.0 (TP) but not 0.5 (FN): F1 = 2/(2+1+1).
        var e = new Evaluator(2, 1).Evaluate(Images, Scenario.S1, 0.7);
        Assert.Equal(0.5, e.PerClass[0].ImageF1Deployable, 12);
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_message()
    {
        var wrongSize = new List<ScoredImage> { Img("a", false, 0, new float[3]) };
        var e = Assert.Throws<ArgumentException>(() => new Evaluator(2, 1).Evaluate(wrongSize, Scenario.S1, 3));
        Assert.Contains("class 'a'", e.Message);
        Assert.Throws<ArgumentException>(() => new Evaluator(2, 1).Evaluate([], Scenario.S1, 3));
    }
}
