using HierCore.Engine.Contracts;
using HierCore.Lab.Api;
using HierCore.Lab.Jobs;
using HierCore.Lab.Reports;
using HierCore.Lab.Sweeps;
using MudBlazor.Services;

namespace HierCore.Lab.Hosting;

public static class LabServiceExtensions
{
    /// <summary>Everything the Lab needs: options, database, queue/worker, engine seam, UI services.</summary>
    public static IHostApplicationBuilder AddLabServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LabOptions>().BindConfiguration("Lab");
        services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        services.AddOptions<HangfireStorageOptions>().BindConfiguration("Hangfire");
        services.AddOptions<WorkerOptions>().BindConfiguration("Worker");
        services.AddOptions<SweepOptions>().BindConfiguration("Sweeps");
        services.AddSingleton<LabPaths>();
        services.AddSingleton(TimeProvider.System);
        // Every hosted service (the Hangfire server included) gets this long in all after SIGTERM; the process then exits 0.
        services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<WorkerOptions>>(
            (host, worker) => host.ShutdownTimeout = TimeSpan.FromSeconds(worker.Value.ShutdownSeconds));

        builder.AddLabDatabase();
        builder.AddLabQueue();
        services.AddEngine();
        builder.AddLabAuth();
        services.AddLoopbackHostFiltering(builder.Configuration);

        services.AddSingleton<RunNotifications>();
        services.AddSingleton<CancelRegistry>();
        services.AddSingleton<RunLifecycle>();
        services.AddArtifactStore();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<RunRequeue>();
        services.AddSingleton<DatasetRootCheck>();
        services.AddSingleton<RunCommands>();
        services.AddSingleton<SweepService>();
        services.AddSingleton<RunQueries>();
        services.AddSingleton<CompareService>();
        services.AddSingleton<Records.RecordEdits>();
        services.AddSingleton<Records.SweepDeletion>();
        services.AddHostedService<Records.OrphanArtifactSweeper>();
        services.AddSingleton<Records.StorageService>();
        services.AddSingleton<Records.UploadScoring>();
        services.AddPredictRateLimit();
        services.AddSingleton<Datasets.DatasetGeneration>();
        services.AddHostedService<Records.StorageBudgetService>();
        services.AddTransient<RunJob>();
        services.AddHostedService<DemoDatasetStartup>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        // After the framework's own provider, so an open dashboard re-checks its user against the current users.
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, LabAuthenticationStateProvider>();
        services.AddMudServices();
        services.AddProblemDetails();
        // Request and response bodies in the same snake_case as result.json (camelCase still read).
        services.ConfigureHttpJsonOptions(o => ResultJson.Configure(o.SerializerOptions));
        return builder;
    }
}
