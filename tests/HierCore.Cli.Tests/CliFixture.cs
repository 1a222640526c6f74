using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;

namespace HierCore.Cli.Tests;

/// <summary>A temp data folder with a tiny demo dataset, shared by the CLI tests.</summary>
public sealed class CliFixture : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"hiercore-cli-{Guid.NewGuid():N}");
    public string Dataset => "tiny";

    public CliFixture() => DemoDatasetGenerator.Generate(Path.Combine(DataDirectory, "datasets", Dataset), 0,
        new DemoSize(ImageSize: 128, Train: 6, TestGood: 2, TestDefective: 3, Classes: ["stripes", "disc", "noise"]));

    /// <summary>Runs `hiercore args…` in-process; returns the exit code.</summary>
    public async Task<int> Run(params string[] args) =>
        await CliApp.Create().Parse([.. args, "--data-dir", DataDirectory]).InvokeAsync();

    public string Temp(string name) => Path.Combine(DataDirectory, name);

    public void Dispose()
    {
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("cli")]
public sealed class CliCollection : ICollectionFixture<CliFixture>;
