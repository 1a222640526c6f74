using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;

namespace HierCore.Engine.Tests.Experiments;

/// <summary>A small demo dataset (3 classes, few images) generated once per test run into a temp data folder.</summary>
public sealed class TinyDemo : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"hiercore-tiny-{Guid.NewGuid():N}");
    public string DatasetPath => Path.Combine(DataDirectory, "datasets", "tiny");

    public TinyDemo() =>
        DemoDatasetGenerator.Generate(DatasetPath, seed: 0, new DemoSize(ImageSize: 128, Train: 6, TestGood: 2, TestDefective: 3, Classes: ["stripes", "disc", "noise"]));

    public void Dispose()
    {
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("tiny demo")]
public sealed class TinyDemoCollection : ICollectionFixture<TinyDemo>;
