using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HierCore.Lab.Tests.RealEngine;

/// <summary>
/// The whole Lab with the REAL engine (ExperimentRunner, RequirementMeasures, DatasetCatalog) over a temporary
/// data directory holding a tiny demo dataset (3 classes, 128 px, 6 train / 5 test images each) as "demo".
/// </summary>
public sealed class RealLabFactory : WebApplicationFactory<Program>
{
    public static readonly DemoSize TinyDemo = new(ImageSize: 128, Train: 6, TestGood: 2, TestDefective: 3, Classes: ["stripes", "disc", "noise"]);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hiercore-lab-real", Guid.NewGuid().ToString("N")[..12]);
    public string DatasetsDirectory => Path.Combine(DataDirectory, "datasets");
    /// <summary>A configured dataset root outside data/ (datasets there go into specs by folder path).</summary>
    public string ExtraRoot => Path.Combine(DataDirectory + "-extra");

    public RealLabFactory()
    {
        // Complete (it has the marker), so the runner uses it instead of generating the full-size demo.
        DemoDatasetGenerator.Generate(Path.Combine(DatasetsDirectory, "demo"), seed: 0, TinyDemo);
        Directory.CreateDirectory(ExtraRoot);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Lab:DataDirectory", DataDirectory);
        builder.UseSetting("Lab:DatasetRoots:0", ExtraRoot);
        builder.UseSetting("Lab:GenerateDemoDataset", "false");
        builder.UseSetting("Hangfire:QueuePollSeconds", "0.2");
        builder.UseSetting("Worker:HeartbeatSeconds", "0.3");
        builder.UseSetting("Worker:Concurrency", "1");
        builder.UseSetting("Worker:Device", "cpu");
    }

    /// <summary>A copy of the tiny demo under another name, to break in a test.</summary>
    public string CopyDemo(string name, string? root = null)
    {
        var target = Path.Combine(root ?? DatasetsDirectory, name);
        var source = Path.Combine(DatasetsDirectory, "demo");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dir in new[] { DataDirectory, ExtraRoot })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Tests that run the real engine share one Lab (its runner caches features across tests).</summary>
[CollectionDefinition(Name)]
public sealed class RealEngineCollection : ICollectionFixture<RealLabFactory>
{
    public const string Name = "real engine";
}
