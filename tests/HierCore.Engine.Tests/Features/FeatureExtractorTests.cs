using HierCore.Engine.Features;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Features;

public sealed class FeatureExtractorTests : IDisposable
{
    private const int Crop = 16;
    private const string Settings = "backbone=fake;resize=16;crop=16;embedding=concat;format=1";
    private readonly TempFolder _temp = new();
    private readonly List<long> _batchSizes = [];

    public void Dispose() => _temp.Dispose();

    /// <summary>Deterministic stand-in for ResNet18: layer2 = 2×2 average (3 ch, 8×8), layer3 = 4×4 average and its double (6 ch, 4×4).</summary>
    private (Tensor, Tensor) FakeBackbone(Tensor images)
    {
        lock (_batchSizes) _batchSizes.Add(images.shape[0]);
        var layer2 = nn.functional.avg_pool2d(images, 2);
        var coarse = nn.functional.avg_pool2d(images, 4);
        return (layer2, cat([coarse, coarse * 2], 1));
    }

    /// <summary>Pixels derived from the file's bytes, so equal content gives equal input.</summary>
    private static float[] LoadChw(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var random = new Random(bytes.Sum(b => b) * 31 + bytes.Length);
        return Enumerable.Range(0, 3 * Crop * Crop).Select(_ => (float)random.NextDouble() * 255).ToArray();
    }

    private string[] Images(int count) =>
        Enumerable.Range(0, count).Select(i => _temp.File($"img/{i}.png", [(byte)i, (byte)(i * 7), 42])).ToArray();

    private FeatureExtractor NewExtractor(FeatureCache? cache, int batchSize = 2) =>
        new(FakeBackbone, new ConcatEmbedder(3, 6), cache, Settings, LoadChw, Crop, batchSize);

    private FeatureCache NewCache() => new(Path.Combine(_temp.Path, "features"));

    [Fact]
    public void Each_result_is_the_embedding_of_its_own_image()
    {
        var paths = Images(3);
        var results = NewExtractor(cache: null).Extract(paths, null, CancellationToken.None);
        for (int i = 0; i < paths.Length; i++)
        {
            using var image = tensor(LoadChw(paths[i]), [1, 3, Crop, Crop]);
            var (layer2, layer3) = FakeBackbone(image);
            using var rows = new ConcatEmbedder(3, 6).Embed(layer2, layer3);
            using var descriptor = ImageDescriptor.Compute(layer3);
            Assert.Equal(rows.data<float>().ToArray(), results[i].Patches);
            Assert.Equal(descriptor.data<float>().ToArray(), results[i].Descriptor);
            Assert.Equal((64, 9), (results[i].PatchCount, results[i].Dim));
        }
    }

    [Fact]
    public void Misses_run_in_batches_and_a_second_pass_is_served_from_the_cache()
    {
        var paths = Images(5);
        var cache = NewCache();
        var extractor = NewExtractor(cache);
        var reports = new List<(int, int)>();
        var first = extractor.Extract(paths, new SyncProgress(reports.Add), CancellationToken.None);
        Assert.Equal([2L, 2L, 1L], _batchSizes);
        Assert.Equal(5, extractor.Extracted);
        Assert.Equal([(0, 5), (2, 5), (4, 5), (5, 5)], reports);
        Assert.Equal((0L, 5L, 5L), (cache.Hits, cache.Misses, cache.Writes));

        var second = extractor.Extract(paths, null, CancellationToken.None);
        Assert.Equal(0, extractor.Extracted);
        Assert.Equal(5, extractor.TotalExtracted);
        Assert.Equal(3, _batchSizes.Count);
        Assert.Equal(5L, cache.Hits);
        for (int i = 0; i < 5; i++) Assert.Equal(first[i].Patches, second[i].Patches);   // cold and warm runs agree exactly
    }

    [Fact]
    public void Cancellation_stops_between_batches_and_keeps_finished_batches_cached()
    {
        var paths = Images(5);
        var cache = NewCache();
        var extractor = NewExtractor(cache);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.done >= 2) cts.Cancel(); });
        Assert.Throws<OperationCanceledException>(() => extractor.Extract(paths, progress, cts.Token));
        Assert.Equal(2, extractor.Extracted);
        Assert.Equal(2L, cache.Writes);

        extractor.Extract(paths, null, CancellationToken.None);
        Assert.Equal(3, extractor.Extracted);
    }

    [Fact]
    public void Same_content_listed_twice_is_computed_once()
    {
        var paths = Images(2);
        var copy = _temp.File("other/copy.png", File.ReadAllBytes(paths[0]));
        var extractor = NewExtractor(NewCache());
        var results = extractor.Extract([paths[0], paths[1], copy, paths[1]], null, CancellationToken.None);
        Assert.Equal(2, extractor.Extracted);
        Assert.Same(results[0], results[2]);
        Assert.Same(results[1], results[3]);
    }

    [Fact]
    public void A_loader_returning_the_wrong_size_names_the_file()
    {
        var paths = Images(1);
        var extractor = new FeatureExtractor(FakeBackbone, new ConcatEmbedder(3, 6), null, "", _ => new float[10], Crop);
        var e = Assert.Throws<InvalidOperationException>(() => extractor.Extract(paths, null, CancellationToken.None));
        Assert.Contains(paths[0], e.Message);
    }

    private sealed class SyncProgress(Action<(int done, int total)> report) : IProgress<(int done, int total)>
    {
        public void Report((int done, int total) value) => report(value);
    }
}
