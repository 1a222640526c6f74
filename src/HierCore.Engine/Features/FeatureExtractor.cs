using HierCore.Engine.Memory;
using static TorchSharp.torch;

namespace HierCore.Engine.Features;

/// <summary>
/// Images → <see cref="ImageFeatures"/>: serves cache hits, runs the misses through the frozen backbone in
/// batches (cancellation checked between batches, one dispose scope per batch), embeds the taps, computes
/// the descriptor and stores new entries.
/// </summary>
/// <param name="backbone">Frozen backbone: [B, 3, crop, crop] → (layer2, layer3). Called under no_grad.</param>
/// <param name="loadChw">Loads one image as the backbone's planar input, 3·crop·crop floats.</param>
/// <remarks>
/// With a cache, freshly computed features are returned exactly as the cache will return them later
/// (float16 rounding applied), so a run's result never depends on whether the cache was warm.
/// </remarks>
public sealed class FeatureExtractor(
    Func<Tensor, (Tensor layer2, Tensor layer3)> backbone,
    PatchEmbedder embedder,
    FeatureCache? cache,
    string settingsKey,
    Func<string, float[]> loadChw,
    int crop,
    int batchSize = 8)
{
    private readonly Func<Tensor, (Tensor layer2, Tensor layer3)> _backbone = backbone ?? throw new ArgumentNullException(nameof(backbone));
    private readonly PatchEmbedder _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
    private readonly Func<string, float[]> _loadChw = loadChw ?? throw new ArgumentNullException(nameof(loadChw));
    private readonly string _settingsKey = cache is not null && string.IsNullOrEmpty(settingsKey)
        ? throw new ArgumentException("FeatureExtractor: a settings key is required when a cache is used.", nameof(settingsKey))
        : settingsKey ?? "";
    private readonly int _crop = crop > 0 ? crop : throw new ArgumentOutOfRangeException(nameof(crop), crop, "FeatureExtractor: crop must be positive.");
    private readonly int _batchSize = batchSize > 0 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "FeatureExtractor: batch size must be positive.");
    private int _totalExtracted;

    /// <summary>Images run through the backbone by the most recent <see cref="Extract"/> call.</summary>
    public int Extracted { get; private set; }

    /// <summary>Images run through the backbone over this extractor's lifetime.</summary>
    public int TotalExtracted => Volatile.Read(ref _totalExtracted);

    public IReadOnlyList<ImageFeatures> Extract(IReadOnlyList<string> imagePaths, IProgress<(int done, int total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        Extracted = 0;
        int total = imagePaths.Count;
        var results = new ImageFeatures[total];
        var misses = ServeHits(imagePaths, results);
        int done = total - misses.Sum(m => m.Indices.Count);
        progress?.Report((done, total));

        // Each batch leaves tens of MB of arrays behind (the batch's patches, per-image and float16 copies):
        // returned every batch or two, so a cold extraction's peak stays flat
        // however many images it runs (measured: it grew by a quarter from 420 to 840 images without this).
        var garbage = new GarbageBudget(GarbageBudget.MinimumBytes, trimNativeHeap: false);
        foreach (var batch in misses.Chunk(_batchSize))
        {
            ct.ThrowIfCancellationRequested();
            var computed = RunBatch(batch.Select(miss => imagePaths[miss.Indices[0]]).ToArray());
            for (int b = 0; b < batch.Length; b++)
            {
                var features = computed[b];
                // Checked as stored (float16 turns values beyond ±65504 into ±∞), before anything is cached.
                if (cache is not null) features = cache.AsStored(features);
                features.RequireFinite(imagePaths[batch[b].Indices[0]]);
                cache?.PutByHash(batch[b].Key, _settingsKey, features);
                foreach (var index in batch[b].Indices) results[index] = features;
                done += batch[b].Indices.Count;
            }
            Extracted += batch.Length;
            Interlocked.Add(ref _totalExtracted, batch.Length);
            progress?.Report((done, total));
            garbage.Checkpoint();
        }
        return results;
    }

    /// <summary>An image to compute, with every position in the request that shares its content (or path).</summary>
    private sealed record Miss(string Key, List<int> Indices);

    /// <summary>Fills cache hits into <paramref name="results"/>; returns the distinct misses in request order.</summary>
    private List<Miss> ServeHits(IReadOnlyList<string> imagePaths, ImageFeatures[] results)
    {
        var misses = new List<Miss>();
        var missByKey = new Dictionary<string, Miss>(StringComparer.Ordinal);
        var hitByKey = new Dictionary<string, ImageFeatures>(StringComparer.Ordinal);
        for (int i = 0; i < imagePaths.Count; i++)
        {
            var path = imagePaths[i] ?? throw new ArgumentException($"FeatureExtractor: image path #{i} is null.", nameof(imagePaths));
            // With a cache, same content is one entry; without one, only the same file is shared.
            var key = cache is null ? Path.GetFullPath(path) : ContentHash.Of(path);
            if (missByKey.TryGetValue(key, out var miss)) miss.Indices.Add(i);
            else if (hitByKey.TryGetValue(key, out var seen)) results[i] = seen;
            else if (cache is not null && cache.TryGetByHash(key, _settingsKey, out var hit))
            {
                hit.RequireFinite(path); // an entry written before this check existed
                hitByKey[key] = results[i] = hit;
            }
            else
            {
                missByKey[key] = miss = new Miss(key, [i]);
                misses.Add(miss);
            }
        }
        return misses;
    }

    private ImageFeatures[] RunBatch(IReadOnlyList<string> paths)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        int plane = 3 * _crop * _crop;
        var input = new float[paths.Count * plane];
        for (int i = 0; i < paths.Count; i++)
        {
            var chw = _loadChw(paths[i]) ?? throw new InvalidOperationException($"FeatureExtractor: loader returned null for {paths[i]}.");
            if (chw.Length != plane)
                throw new InvalidOperationException($"FeatureExtractor: {paths[i]} loaded as {chw.Length} values, expected 3×{_crop}×{_crop} = {plane}.");
            chw.CopyTo(input, i * plane);
        }
        var images = tensor(input, [paths.Count, 3, _crop, _crop]);
        var (layer2, layer3) = _backbone(images);
        var patches = _embedder.Embed(layer2, layer3).cpu();
        var descriptors = ImageDescriptor.Compute(layer3).cpu();
        int patchCount = (int)patches.shape[1], dim = (int)patches.shape[2], descriptorDim = (int)descriptors.shape[1];
        var allPatches = patches.data<float>().ToArray();
        var allDescriptors = descriptors.data<float>().ToArray();
        var features = new ImageFeatures[paths.Count];
        for (int i = 0; i < paths.Count; i++)
            features[i] = new ImageFeatures(
                allPatches.AsSpan(i * patchCount * dim, patchCount * dim).ToArray(), patchCount, dim,
                allDescriptors.AsSpan(i * descriptorDim, descriptorDim).ToArray());
        return features;
    }
}
