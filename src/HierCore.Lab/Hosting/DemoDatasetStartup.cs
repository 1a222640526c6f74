using HierCore.Lab.Datasets;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>Generates the demo dataset in the background, so start-up (and the first page) is not blocked.</summary>
public sealed class DemoDatasetStartup(IDatasetCatalog catalog, IOptions<LabOptions> options, ILogger<DemoDatasetStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.GenerateDemoDataset) return;
        await Task.Yield();
        try { await catalog.EnsureDemoAsync(stoppingToken); }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e) { log.LogError(e, "Generating the demo dataset failed."); }
    }
}
