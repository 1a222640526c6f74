using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Imaging;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Rendering;

/// <summary>
/// A few anomaly-map pictures per class for the gallery: the most anomalous-looking defective image and the
/// most anomalous-looking normal one (a likely false positive), image | mask | z-map, on one colour scale.
/// </summary>
public static class MapArtifacts
{
    public static IReadOnlyList<AnomalyMapArtifact> Render(AnomalyDataset dataset, RunSpec spec, IReadOnlyList<ScoredImage> scored, IReadOnlyList<Prediction> predictions)
    {
        if (spec.MapsPerClass <= 0) return [];
        var picks = new List<int>();
        foreach (var cls in dataset.Classes)
        {
            var ofClass = Enumerable.Range(0, scored.Count).Where(i => dataset.Test[i].ClassName == cls).ToArray();
            var anomalous = ofClass.Where(i => scored[i].IsAnomalous).OrderByDescending(i => scored[i].NormalizedScore);
            var normal = ofClass.Where(i => !scored[i].IsAnomalous).OrderByDescending(i => scored[i].NormalizedScore);
            var take = spec.MapsPerClass;
            picks.AddRange(anomalous.Take((take + 1) / 2));
            picks.AddRange(normal.Take(take / 2));
        }
        var vmax = Math.Max(1.0, 2 * spec.Lambda);
        return picks.Select(i =>
        {
            var sample = dataset.Test[i];
            var chw = Preprocess.ToChw(ImageDecoder.Decode(sample.ImagePath), spec.Resize, spec.Crop);
            var png = AnomalyMapRenderer.RenderPng(chw, scored[i].Mask, scored[i].Map!, spec.Crop, 0, vmax);
            return new AnomalyMapArtifact(sample.ClassName, sample.Id, sample.IsAnomalous, predictions[i].NormalizedScore, png);
        }).ToArray();
    }
}
