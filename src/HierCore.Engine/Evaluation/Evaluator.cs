using HierCore.Engine.Contracts;
using HierCore.Engine.Memory;

namespace HierCore.Engine.Evaluation;

/// <summary>
/// Computes a run's metrics (METHOD.md §5) from its per-test-image outcomes, per class and pooled.
/// <list type="bullet">
/// <item>All image metrics use <see cref="ScoredImage.NormalizedScore"/> z, per class as well as pooled. Within a
/// class that routes to a single group z is a monotone map of the raw score, so per-class I-AUROC equals the raw one;
/// when a class's images route to several groups (no training labels) only z puts them on one scale.</item>
/// <item>Deployable F1 and accuracy: anomalous if z &gt; <c>deployableThreshold</c>; the caller passes λ
/// (<see cref="RunSpec.Lambda"/>), so this is the criterion s &gt; τg = μg + λσg of every group at once.</item>
/// <item>Mean over classes is the mean of the per-class values that are defined (NaN entries skipped; NaN if none).</item>
/// <item>Headline: mean per-class I-AUROC when the scenario knows labels at evaluation (S1, S3), else pooled I-AUROC.</item>
/// </list>
/// </summary>
public sealed class Evaluator(int mapWidth, int mapHeight, double maxFpr = Aupro.DefaultMaxFpr)
{
    /// <remarks>Pixel metrics of a large scope take seconds: cancellation is checked before each class and the pooled set.</remarks>
    public RunEvaluation Evaluate(IReadOnlyList<ScoredImage> images, Scenario scenario, double deployableThreshold, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException($"{nameof(Evaluator)}: no scored test images to evaluate.", nameof(images));

        // Each scope sorts all its pixels (8 bytes each for AUPRO, 4 for pixel AUROC): an MVTec-sized test set drops
        // about a gigabyte of such arrays over its classes and the pooled set, returned between scopes.
        var garbage = new GarbageBudget(GarbageBudget.MinimumBytes);
        var perClass = images
            .GroupBy(i => i.Class, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                ct.ThrowIfCancellationRequested();
                garbage.Checkpoint();
                return ToClassMetrics(g.Key, ScopeMetrics(g.ToList(), deployableThreshold), g.ToList());
            })
            .ToList();
        ct.ThrowIfCancellationRequested();
        garbage.Checkpoint();
        var pooled = ScopeMetrics(images, deployableThreshold);
        var mean = new MetricSet
        {
            ImageAuroc = NanMean(perClass.Select(c => c.ImageAuroc)),
            PixelAuroc = NanMean(perClass.Select(c => c.PixelAuroc)),
            Aupro = NanMean(perClass.Select(c => c.Aupro)),
            ImageF1Max = NanMean(perClass.Select(c => c.ImageF1Max)),
            ImageF1Deployable = NanMean(perClass.Select(c => c.ImageF1Deployable)),
            AccuracyDeployable = NanMean(perClass.Select(c => c.AccuracyDeployable)),
            FalseAlarmRateDeployable = NanMean(perClass.Select(c => c.FalseAlarmRateDeployable)),
        };
        double headline = scenario.EvalLabels() ? mean.ImageAuroc : pooled.ImageAuroc;
        return new RunEvaluation(headline, mean, pooled, perClass);
    }

    private MetricSet ScopeMetrics(IReadOnlyList<ScoredImage> images, double deployableThreshold)
    {
        var z = images.Select(i => i.NormalizedScore).ToArray();
        var labels = images.Select(i => i.IsAnomalous).ToArray();
        var atThreshold = ThresholdMetrics.At(z, labels, deployableThreshold);
        var (maps, masks) = PixelInputs(images);
        return new MetricSet
        {
            ImageAuroc = RocAuc.Compute(z, labels),
            PixelAuroc = maps.Count == 0 ? double.NaN : PixelAuroc.Compute(maps, masks),
            Aupro = maps.Count == 0 ? double.NaN : Aupro.Compute(maps, masks, mapWidth, mapHeight, maxFpr),
            ImageF1Max = F1Max.Compute(z, labels).F1,
            ImageF1Deployable = atThreshold.F1,
            AccuracyDeployable = atThreshold.Accuracy,
            FalseAlarmRateDeployable = atThreshold.FalseAlarmRate,
        };
    }

    private (List<float[]> Maps, List<byte[]?> Masks) PixelInputs(IReadOnlyList<ScoredImage> images)
    {
        var maps = new List<float[]>();
        var masks = new List<byte[]?>();
        foreach (var image in images)
        {
            if (image.Map is null || (image.IsAnomalous && image.Mask is null)) continue;
            if (image.Map.Length != mapWidth * mapHeight)
                throw new ArgumentException(
                    $"{nameof(Evaluator)}: an anomaly map of class '{image.Class}' has {image.Map.Length} pixels, expected {mapWidth}×{mapHeight}.");
            maps.Add(image.Map);
            masks.Add(image.Mask);
        }
        return (maps, masks);
    }

    private static ClassMetrics ToClassMetrics(string cls, MetricSet m, IReadOnlyList<ScoredImage> images) => new()
    {
        Class = cls,
        ImageAuroc = m.ImageAuroc,
        PixelAuroc = m.PixelAuroc,
        Aupro = m.Aupro,
        ImageF1Max = m.ImageF1Max,
        ImageF1Deployable = m.ImageF1Deployable,
        AccuracyDeployable = m.AccuracyDeployable,
        FalseAlarmRateDeployable = m.FalseAlarmRateDeployable,
        TestImages = images.Count,
        Anomalous = images.Count(i => i.IsAnomalous),
    };

    internal static double NanMean(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (var v in values) if (!double.IsNaN(v)) { sum += v; n++; }
        return n == 0 ? double.NaN : sum / n;
    }
}
