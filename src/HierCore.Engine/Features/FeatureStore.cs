using HierCore.Engine.Backbones;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;
using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Features of dataset images for a feature setting: served from the on-disk cache (data/features), computing
/// only the missing ones with the backbone. Keeps the last dataset's feature sets in memory, so consecutive
/// runs of a sweep do not even read the disk again.
/// </summary>
public sealed class FeatureStore(string featuresDirectory) : IDisposable
{
    readonly Dictionary<string, ResNet18Backbone> backbones = new();
    readonly object gate = new();
    (string Key, FeatureSet Train, FeatureSet Test)? last;

    public FeatureCache Cache { get; } = new(featuresDirectory);

    /// <summary>Images run through the backbone since this store was created.</summary>
    public int Extracted { get; private set; }

    public (FeatureSet Train, FeatureSet Test) Get(AnomalyDataset dataset, RunSpec spec, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var key = $"{dataset.Root}|{spec.FeatureKey}|{dataset.Train.Count}|{dataset.Test.Count}";
        lock (gate)
        {
            if (last is { } l && l.Key == key) return (l.Train, l.Test);
            // One phase over both splits (train first), so the overall progress only moves forward.
            var total = dataset.Train.Count + dataset.Test.Count;
            var train = Load(dataset.Train, spec, Report(progress, 0, total, "train"), ct);
            var test = Load(dataset.Test, spec, Report(progress, dataset.Train.Count, total, "test"), ct);
            if (last is { } old) { old.Train.Dispose(); old.Test.Dispose(); }
            last = (key, train, test);
            return (train, test);
        }
    }

    static InlineProgress<(int done, int total)> Report(IProgress<RunProgress>? progress, int offset, int total, string split) =>
        new(p => progress?.Report(new RunProgress(RunPhases.Features, offset + p.done, total, split)));

    FeatureSet Load(IReadOnlyList<ImageSample> samples, RunSpec spec, IProgress<(int done, int total)> progress, CancellationToken ct) =>
        Extract(samples.Select(s => s.ImagePath).ToArray(), spec, progress, ct);

    /// <summary>Features of any images at the spec's feature setting (cached like dataset images); the caller disposes the set.</summary>
    public FeatureSet Extract(string[] paths, RunSpec spec, IProgress<(int done, int total)>? progress, CancellationToken ct)
    {
        var embedder = PatchEmbedder.Create(spec.Embedding);
        var backbone = Backbone(spec.Device);
        var extractor = new FeatureExtractor(
            rgb => { var o = backbone.Forward(rgb); return (o.Layer2, o.Layer3); },
            embedder, Cache, SettingsKey(spec),
            path => Preprocess.ToChw(ImageDecoder.Decode(path), spec.Resize, spec.Crop),
            spec.Crop);
        var features = extractor.Extract(paths, progress, ct);
        Extracted += extractor.Extracted;
        return ToFeatureSet(features, paths);
    }

    static FeatureSet ToFeatureSet(IReadOnlyList<ImageFeatures> features, string[] paths)
    {
        var n = features.Count;
        var p = features[0].PatchCount;
        var d = features[0].Dim;
        var all = new float[(long)n * p * d];
        for (var i = 0; i < n; i++) Array.Copy(features[i].Patches, 0, all, (long)i * p * d, (long)p * d);
        var keys = paths.Select(ContentHash.Of).ToArray();
        return new FeatureSet(tensor(all, [n, p, d]), features.Select(f => f.Descriptor).ToArray(), keys);
    }

    public static string SettingsKey(RunSpec spec) => spec.FeatureKey;

    ResNet18Backbone Backbone(string device)
    {
        lock (backbones)
        {
            if (!backbones.TryGetValue(device, out var b)) backbones[device] = b = ResNet18Backbone.Load(device);
            return b;
        }
    }

    public void Dispose()
    {
        foreach (var b in backbones.Values) b.Dispose();
        if (last is { } l) { l.Train.Dispose(); l.Test.Dispose(); }
    }
}
