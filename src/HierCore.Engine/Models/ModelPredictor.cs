using System.Globalization;
using System.Text;
using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Contracts;
using HierCore.Engine.Features;
using HierCore.Engine.Rendering;
using HierCore.Engine.Imaging;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Models;

/// <summary>An image to score: its id (as in a run's scores.csv for dataset images), its class when known, its label when known.</summary>
public sealed record PredictInput(string Path, string Id, string? Class, bool? Label);

/// <summary>One scored image: raw score, z, the group that decided, the deployable verdict (z &gt; λ) and its z-map.</summary>
public sealed record PredictedImage(PredictInput Input, double Score, double NormalizedScore, string Group, bool Anomalous, float[] Map);

/// <summary>
/// Scores images with a fitted model by the model's own rules: features at the run's setting (resize, crop,
/// embedding), the run's method with its fitted groups (routing, criterion), the deployable verdict z &gt; λ.
/// </summary>
public static class ModelPredictor
{
    /// <summary>
    /// The images under a folder. A dataset folder (MVTec or VisA layout) gives its test images with the ids, classes
    /// and labels a run uses; any other folder gives every image below it, id = relative path, class = knownClass.
    /// </summary>
    public static IReadOnlyList<PredictInput> Inputs(string folder, string? knownClass)
    {
        var root = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(root)) throw new DatasetException($"Image folder not found: '{root}'.");
        if (DatasetCatalog.DetectFormat(root) is not null)
        {
            var dataset = DatasetCatalog.Load(root);
            return dataset.Test.Where(s => knownClass is null || s.ClassName == knownClass)
                .Select(s => new PredictInput(s.ImagePath, s.Id, s.ClassName, s.IsAnomalous)).ToArray();
        }
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(ImageFiles.IsImage)
            .Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new DatasetException($"No images ({string.Join(", ", ImageFiles.Extensions)}) under '{root}'.");
        return files.Select(f => new PredictInput(f, System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'), knownClass, null)).ToArray();
    }

    /// <summary>
    /// Class names are given to the method only where the model's scenario gave them at test time (S1, S3) — the run's
    /// rule — and only when every image has one; otherwise routing is by descriptor.
    /// </summary>
    public static IReadOnlyList<PredictedImage> Predict(FittedModel model, IReadOnlyList<PredictInput> inputs, FeatureStore features,
        IProgress<RunProgress>? progress, CancellationToken ct)
    {
        if (inputs.Count == 0) return [];
        var spec = model.Spec;
        using var lease = DiskBudget.CacheLease.Acquire(features.Cache.PartitionFolder(FeatureStore.SettingsKey(spec)));
        using var test = features.Extract(inputs.Select(i => i.Path).ToArray(), spec,
            new InlineProgress<(int done, int total)>(p => progress?.Report(new RunProgress(RunPhases.Features, p.done, p.total, "images"))), ct);
        using var method = model.CreateMethod();
        var classes = UsesClasses(spec) && inputs.All(i => !string.IsNullOrEmpty(i.Class)) ? inputs.Select(i => i.Class!).ToArray() : null;
        if (classes is not null)
        {
            var unknown = classes.Distinct().Where(c => model.Groups.All(g => g.Name != c) && RoutesByClass(spec)).ToArray();
            if (unknown.Length > 0)
                throw new DatasetException($"Class(es) {string.Join(", ", unknown)} have no group in this model (its groups: {string.Join(", ", model.Groups.Select(g => g.Name))}).");
        }
        var predictions = method.Score(test, classes, new MethodContext(spec, null, progress, ct)).Predictions;
        return predictions.Select((p, i) => new PredictedImage(inputs[i], p.Score, p.NormalizedScore, model.Groups[p.Group].Name,
            p.NormalizedScore > spec.Lambda, p.ZMap(spec.Crop))).ToArray();
    }

    /// <summary>Whether a known class is given to the method at all (the run's rule: only S1 and S3 give classes at test time).</summary>
    public static bool UsesClasses(RunSpec spec) => spec.Scenario.EvalLabels();

    /// <summary>Whether the method picks the group by the class name (groups are classes), as Route does.</summary>
    static bool RoutesByClass(RunSpec spec) => spec.Method == "patchcore-oc" || (spec.Method == "hiercore" && spec.Scenario.TrainLabels());

    /// <summary>scores.csv's columns (same ids, numbers written the same way) plus the verdict and the map file.</summary>
    public static string Csv(IReadOnlyList<PredictedImage> images, IReadOnlyList<string?>? mapFiles = null)
    {
        var sb = new StringBuilder().Append(ScoresCsv.Header).Append(",verdict,map\n");
        for (var i = 0; i < images.Count; i++)
        {
            var p = images[i];
            sb.Append(ScoresCsv.Csv(p.Input.Class ?? "")).Append(',').Append(ScoresCsv.Csv(p.Input.Id)).Append(',')
              .Append(p.Input.Label is { } l ? (l ? "1" : "0") : "").Append(',')
              .Append(p.Score.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(p.NormalizedScore.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(ScoresCsv.Csv(p.Group)).Append(',').Append(p.Anomalous ? "anomalous" : "normal").Append(',')
              .Append(ScoresCsv.Csv(mapFiles?[i] ?? "")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>image | z-map picture of one scored image, on the run's colour scale (0 … max(1, 2λ)).</summary>
    public static byte[] RenderMap(PredictedImage image, RunSpec spec)
    {
        var chw = Preprocess.ToChw(ImageDecoder.Decode(image.Input.Path), spec.Resize, spec.Crop);
        return AnomalyMapRenderer.RenderPng(chw, null, image.Map, spec.Crop, 0, Math.Max(1.0, 2 * spec.Lambda));
    }
}
