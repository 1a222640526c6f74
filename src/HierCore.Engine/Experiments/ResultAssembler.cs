using HierCore.Engine.Datasets;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Features;
using HierCore.Engine.Imaging;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Experiments;

/// <summary>
/// Turns a method's predictions into a run's result. This is where test labels are read again, after scoring:
/// per-class grouping of metrics, routing accuracy, clustering purity and NMI against the hidden classes.
/// </summary>
public static class ResultAssembler
{
    public static RunResult Evaluate(AnomalyDataset dataset, RunSpec spec, IAnomalyMethod method, IReadOnlyList<Prediction> predictions, CancellationToken ct)
    {
        var majority = MajorityClasses(dataset, method);
        var scored = new List<ScoredImage>(predictions.Count);
        for (var i = 0; i < predictions.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var sample = dataset.Test[i];
            var p = predictions[i];
            scored.Add(new ScoredImage(sample.ClassName, sample.IsAnomalous, p.Score, p.NormalizedScore,
                NormalizedMap(p, spec.Crop), LoadMask(sample, spec)));
        }
        var metrics = new Evaluator(spec.Crop, spec.Crop).Evaluate(scored, spec.Scenario, spec.Lambda);

        var scores = predictions.Select((p, i) => new ImageScore(
            dataset.Test[i].ClassName, dataset.Test[i].Id, dataset.Test[i].IsAnomalous, p.Score, p.NormalizedScore,
            method.Groups[p.Group].Name, dataset.Test[i].DefectType)).ToArray();

        return new RunResult
        {
            Dataset = dataset.Name,
            Method = method.Name,
            Scenario = spec.Scenario.ToString(),
            Seed = spec.Seed,
            Config = spec,
            Headline = metrics.Headline,
            MeanOverClasses = metrics.MeanOverClasses,
            Pooled = metrics.Pooled,
            PerClass = metrics.PerClass,
            Routing = Routing(dataset, spec, method, predictions, majority),
            Criteria = method.Groups.Select((g, i) => new GroupCriterion(g.Name, g.Model.Criterion.Mean, g.Model.Criterion.Std,
                g.Model.Criterion.Threshold(spec.Lambda), g.Model.Criterion.Samples, majority[i])).ToArray(),
            Scores = scores,
            Maps = MapArtifacts.Render(dataset, spec, scored, predictions),
            Timings = new Timings(),
            Memory = new MemoryStats(),
        };
    }

    /// <summary>z-map: patch scores → upsampled, blurred anomaly map, normalised with the group's (μg, σg).</summary>
    public static float[] NormalizedMap(Prediction p, int crop)
    {
        var map = AnomalyMap.Compute(p.PatchScores, crop);
        for (var j = 0; j < map.Length; j++) map[j] = (float)((map[j] - p.GroupMean) / p.GroupStd);
        return map;
    }

    static byte[] LoadMask(ImageSample sample, RunSpec spec)
    {
        if (sample.MaskPath is null) return new byte[spec.Crop * spec.Crop];
        var (w, h) = ImageDecoder.ReadSize(sample.ImagePath);
        return MaskLoader.Load(sample.MaskPath, w, h, spec.Resize, spec.Crop);
    }

    /// <summary>Majority training class of each group (hidden from the method; used only to judge routing).</summary>
    static string?[] MajorityClasses(AnomalyDataset dataset, IAnomalyMethod method) =>
        Enumerable.Range(0, method.Groups.Count)
            .Select(g => dataset.Train.Where((_, i) => method.TrainingGroups[i] == g)
                .GroupBy(s => s.ClassName).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key).FirstOrDefault())
            .ToArray();

    static RoutingMetrics? Routing(AnomalyDataset dataset, RunSpec spec, IAnomalyMethod method, IReadOnlyList<Prediction> predictions, string?[] majority)
    {
        if (method.Groups.Count < 2) return null; // one bank: nothing is routed
        var correct = predictions.Where((p, i) => majority[p.Group] == dataset.Test[i].ClassName).Count();
        double? purity = null, nmi = null;
        if (!spec.Scenario.TrainLabels())
        {
            var truthNames = dataset.Train.Select(s => s.ClassName).Distinct().Order(StringComparer.Ordinal).ToList();
            var truth = dataset.Train.Select(s => truthNames.IndexOf(s.ClassName)).ToArray();
            var assigned = method.TrainingGroups.ToArray();
            purity = ClusteringMetrics.Purity(assigned, truth);
            nmi = ClusteringMetrics.Nmi(assigned, truth);
        }
        return new RoutingMetrics
        {
            RoutingAccuracy = (double)correct / predictions.Count,
            ClusteringPurity = purity,
            ClusteringNmi = nmi,
            Groups = method.Groups.Count,
        };
    }
}
