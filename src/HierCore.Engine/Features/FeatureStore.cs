using HierCore.Engine.Backbones;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Imaging;
using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Features of dataset images for a feature setting: served from the on-disk cache (data/features), computing
/// only the missing ones with the backbone. A feature set holds descriptors and keys; its patches are read
/// from the cache when a method needs them, so memory does not grow with the dataset. Keeps the last dataset's
/// feature sets, so consecutive runs of a sweep do not check the cache again.
/// </summary>
public sealed class FeatureStore(string featuresDirectory) : IDisposable
{
    readonly Dictionary<string, ResNet18Backbone> _backbones = new();
    readonly object _gate = new();
    (string Key, FeatureSet Train, FeatureSet Test)? _last;

    public FeatureCache Cache { get; } = new(featuresDirectory);

    /// <summary>Images run through the backbone since this store was created.</summary>
    public int Extracted { get; private set; }

    public (FeatureSet Train, FeatureSet Test) Get(AnomalyDataset dataset, RunSpec spec, IProgress<RunProgress>? progress, CancellationToken ct)
    {
        var key = $"{dataset.Root}|{spec.FeatureKey}|{dataset.Train.Count}|{dataset.Test.Count}";
        lock (_gate)
        {
            if (_last is { } l && l.Key == key) return (l.Train, l.Test);
            // One phase over both splits (train first), so the overall progress only moves forward.
            var total = dataset.Train.Count + dataset.Test.Count;
            var train = Load(dataset.Train, spec, Report(progress, 0, total, "train"), ct);
            var test = Load(dataset.Test, spec, Report(progress, dataset.Train.Count, total, "test"), ct);
            if (_last is { } old) { old.Train.Dispose(); old.Test.Dispose(); }
            _last = (key, train, test);
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
        var settingsKey = SettingsKey(spec);
        var extractor = new FeatureExtractor(
            rgb => { var o = backbone.Forward(rgb); return (o.Layer2, o.Layer3); },
            embedder, Cache, settingsKey,
            path => Preprocess.ToChw(ImageDecoder.Decode(path), spec.Resize, spec.Crop),
            spec.Crop);
        var keys = paths.Select(ContentHash.Of).ToArray();
        var descriptors = new float[paths.Length][];
        var (patchCount, dim) = (0, embedder.Dim);
        var misses = new List<int>();
        byte[]? buffer = null; // one read buffer for every entry
        for (var i = 0; i < paths.Length; i++)
        {
            // Hits: only the descriptor is kept; the patches stay on disk until a method asks for them.
            if (Cache.TryGetEntry(keys[i], settingsKey, ref buffer, out var length, out var layout))
            {
                descriptors[i] = FeatureCacheFormat.Descriptor(buffer.AsSpan(0, length), layout);
                patchCount = layout.PatchCount;
            }
            else misses.Add(i);
        }
        var done = paths.Length - misses.Count;
        progress?.Report((done, paths.Length));
        foreach (var chunk in misses.Chunk(ExtractionChunk))
        {
            ct.ThrowIfCancellationRequested();
            var computed = extractor.Extract(chunk.Select(i => paths[i]).ToArray(), null, ct);
            for (var j = 0; j < chunk.Length; j++) descriptors[chunk[j]] = computed[j].Descriptor;
            patchCount = computed[0].PatchCount;
            Extracted += extractor.Extracted;
            done += chunk.Length;
            progress?.Report((done, paths.Length));
        }
        var source = new CachedPatchSource(Cache, settingsKey, keys, patchCount, dim,
            i => extractor.Extract([paths[i]], null, CancellationToken.None));
        return new FeatureSet(source, descriptors, keys);
    }

    /// <summary>Images extracted per step: bounds the patches in memory at once (~100 MB at pooled1024).</summary>
    const int ExtractionChunk = 32;

    public static string SettingsKey(RunSpec spec) => spec.FeatureKey;

    ResNet18Backbone Backbone(string device)
    {
        lock (_backbones)
        {
            if (!_backbones.TryGetValue(device, out var b)) _backbones[device] = b = ResNet18Backbone.Load(device);
            return b;
        }
    }

    public void Dispose()
    {
        foreach (var b in _backbones.Values) b.Dispose();
        if (_last is { } l) { l.Train.Dispose(); l.Test.Dispose(); }
    }
}
