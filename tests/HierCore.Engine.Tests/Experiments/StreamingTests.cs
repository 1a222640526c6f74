using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Features;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Experiments;

/// <summary>Streaming patches from the feature cache changes where they live, never a score.</summary>
[Collection("tiny demo")]
public class StreamingTests(TinyDemo demo)
{
    RunSpec Spec(string method, Scenario scenario) => new()
    {
        Dataset = demo.DatasetPath, Method = method, Scenario = scenario, Device = "cpu", Seed = 5, CoresetRatio = 0.2,
    };

    /// <summary>The whole-dataset path the runner used before streaming: every patch of a set in one float32 tensor.</summary>
    static FeatureSet InMemory(FeatureCache cache, IReadOnlyList<ImageSample> samples, RunSpec spec)
    {
        var features = samples.Select(s => cache.TryGet(s.ImagePath, FeatureStore.SettingsKey(spec), out var f) ? f : throw new InvalidOperationException("not cached")).ToArray();
        var (p, d) = (features[0].PatchCount, features[0].Dim);
        var all = features.SelectMany(f => f.Patches).ToArray();
        return new FeatureSet(tensor(all, [features.Length, p, d]), features.Select(f => f.Descriptor).ToArray(),
            samples.Select(s => ContentHash.Of(s.ImagePath)).ToArray());
    }

    [Theory]
    [InlineData("patchcore-oc", Scenario.S2)]
    [InlineData("patchcore", Scenario.S3)]
    [InlineData("hiercore", Scenario.S4)]
    public async Task A_streamed_run_scores_exactly_as_the_whole_dataset_in_memory(string methodName, Scenario scenario)
    {
        var spec = Spec(methodName, scenario);
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var streamed = await runner.RunAsync(spec, null, CancellationToken.None);

        var dataset = DatasetCatalog.Resolve(spec.Dataset, runner.DatasetsDirectory);
        using var train = InMemory(runner.Features.Cache, dataset.Train, spec);
        using var test = InMemory(runner.Features.Cache, dataset.Test, spec);
        using var method = MethodCatalog.Create(methodName);
        var context = new MethodContext(spec, banks: null, progress: null, CancellationToken.None);
        method.Fit(train, scenario.TrainLabels() ? dataset.Train.Select(s => s.ClassName).ToArray() : null, context);
        var expected = method.Score(test, scenario.EvalLabels() ? dataset.Test.Select(s => s.ClassName).ToArray() : null, context).Predictions;

        Assert.Equal(expected.Select(p => BitConverter.DoubleToInt64Bits(p.Score)), streamed.Scores.Select(s => BitConverter.DoubleToInt64Bits(s.Score)));
        Assert.Equal(expected.Select(p => p.NormalizedScore), streamed.Scores.Select(s => s.NormalizedScore));
    }

    [Fact]
    public async Task Cached_patches_read_back_as_the_float32_values_and_in_their_float16_storage()
    {
        var spec = Spec("patchcore", Scenario.S3);
        using var runner = new ExperimentRunner(demo.DataDirectory);
        await runner.RunAsync(spec, null, CancellationToken.None);
        var dataset = DatasetCatalog.Resolve(spec.Dataset, runner.DatasetsDirectory);
        var (streamedTrain, _) = runner.Features.Get(dataset, spec, null, CancellationToken.None);
        using var inMemory = InMemory(runner.Features.Cache, dataset.Train, spec);
        int[] images = [4, 0, 7, 7];

        using var expected = inMemory.PatchesOf(images);
        using var read = streamedTrain.PatchesOf(images);
        using var stored = streamedTrain.StoredPatchesOf(images);
        Assert.Equal(ScalarType.Float16, streamedTrain.StoredType);
        Assert.Equal(ScalarType.Float16, stored.dtype);
        Assert.Equal(expected.shape, read.shape);
        Assert.Equal(expected.data<float>().ToArray(), read.data<float>().ToArray());
        using var widened = stored.to(ScalarType.Float32);
        Assert.Equal(expected.data<float>().ToArray(), widened.data<float>().ToArray());
    }

    [Fact]
    public async Task A_cache_entry_deleted_after_extraction_is_computed_again_when_read()
    {
        var spec = Spec("patchcore", Scenario.S3);
        using var runner = new ExperimentRunner(demo.DataDirectory);
        var dataset = DatasetCatalog.Resolve(spec.Dataset, runner.DatasetsDirectory);
        var (train, _) = runner.Features.Get(dataset, spec, null, CancellationToken.None);
        using var before = train.PatchesOf([2]);
        var beforeValues = before.data<float>().ToArray();
        File.Delete(runner.Features.Cache.EntryPath(train.ContentKeys[2], FeatureStore.SettingsKey(spec)));

        using var after = train.PatchesOf([2]);
        Assert.Equal(beforeValues, after.data<float>().ToArray());
        Assert.True(File.Exists(runner.Features.Cache.EntryPath(train.ContentKeys[2], FeatureStore.SettingsKey(spec))));
    }
}
