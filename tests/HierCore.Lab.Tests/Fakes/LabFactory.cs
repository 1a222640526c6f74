using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Lab.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>The whole Lab (web + worker, Hangfire on SQLite) over a temporary data directory and the fake runner.</summary>
public sealed class LabFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hiercore-lab-tests", Guid.NewGuid().ToString("N")[..12]);
    public FakeExperimentRunner Runner { get; } = new();
    /// <summary>Extra configuration for this Lab (set before the server starts).</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public SkewedClock Clock { get; } = new();
    public ClaimFaults Faults { get; } = new();
    /// <summary>Extra service registrations, applied last (set before the server starts).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }
    /// <summary>Everything the host logs (on top of its own providers), for tests that assert what is logged.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Lab:DataDirectory", DataDirectory);
        builder.UseSetting("Lab:GenerateDemoDataset", "false");
        builder.UseSetting("Hangfire:QueuePollSeconds", "0.2");
        builder.UseSetting("Worker:HeartbeatSeconds", "0.3");
        builder.UseSetting("Worker:Concurrency", "2");
        builder.UseSetting("Sweeps:MaxRuns", "150");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<Data.LabDbContext>(o => o.AddInterceptors(Faults));
            services.RemoveAll<IExperimentRunner>();
            services.AddSingleton<IExperimentRunner>(Runner);
            services.RemoveAll<Jobs.IDatasetPreflight>();
            services.AddSingleton<Jobs.IDatasetPreflight, NoPreflight>();
            services.RemoveAll<IRequirementMeasures>();
            services.AddSingleton<IRequirementMeasures, FakeRequirementMeasures>();
            TestServices?.Invoke(services);
        });
    }

    /// <summary>The fake runner reads no images, so no dataset is checked (nor the demo generated).</summary>
    private sealed class NoPreflight : Jobs.IDatasetPreflight
    {
        public void Check(string specDataset) { }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
