using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Features;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Features;

/// <summary>
/// A NaN or infinite feature would poison a coreset, a criterion and every metric without a word: the run fails at
/// extraction (or when the cache serves such an entry), naming the image, and nothing non-finite is cached.
/// </summary>
public sealed class NonFiniteFeaturesTests : IDisposable
{
    private const int Crop = 16;
    private const string Settings = "backbone=fake;resize=16;crop=16;embedding=concat;format=1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (Tensor, Tensor) Backbone(Tensor images) =>
        (nn.functional.avg_pool2d(images, 2), nn.functional.avg_pool2d(images, 4));

    private string[] Images(int count) =>
        Enumerable.Range(0, count).Select(i => _temp.File($"img/{i}.png", [(byte)i, 9, 42])).ToArray();

    private static float[] Pixels(float value) => Enumerable.Repeat(value, 3 * Crop * Crop).ToArray();

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(1e6f)] // finite in float32 but infinite once stored as float16 in the cache
    public void A_non_finite_feature_fails_extraction_naming_the_image_and_is_not_cached(float poison)
    {
        var paths = Images(3);
        var cache = new FeatureCache(Path.Combine(_temp.Path, "features"));
        var extractor = new FeatureExtractor(Backbone, new ConcatEmbedder(3, 3), cache, Settings,
            p => Pixels(p == paths[1] ? poison : 0.5f), Crop);

        var e = Assert.Throws<DatasetException>(() => extractor.Extract(paths, null, CancellationToken.None));
        Assert.Contains(paths[1], e.Message);
        Assert.False(cache.TryGet(paths[1], Settings, out _));
    }

    [Fact]
    public void A_non_finite_cache_entry_fails_the_read_naming_the_image()
    {
        var paths = Images(2);
        var cache = new FeatureCache(Path.Combine(_temp.Path, "features"));
        var patches = Enumerable.Repeat(0.25f, 4 * 6).ToArray();
        patches[7] = float.NaN;
        cache.Put(paths[0], Settings, new ImageFeatures(patches, 4, 6, [1f, 0f, 0f]));
        var extractor = new FeatureExtractor(Backbone, new ConcatEmbedder(3, 3), cache, Settings, _ => Pixels(0.5f), Crop);

        var e = Assert.Throws<DatasetException>(() => extractor.Extract(paths, null, CancellationToken.None));
        Assert.Contains(paths[0], e.Message);
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void A_non_finite_descriptor_is_caught_too()
    {
        var features = new ImageFeatures([0f, 1f], 1, 2, [float.NaN, 0f]);
        Assert.Contains("img.png", Assert.Throws<DatasetException>(() => features.RequireFinite("img.png")).Message);
        new ImageFeatures([0f, 1f], 1, 2, [1f, 0f]).RequireFinite("fine.png");
    }
}
