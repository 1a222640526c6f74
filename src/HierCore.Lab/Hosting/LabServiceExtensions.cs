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

        builder.AddLabDatabase();
        builder.AddLabQueue();
        services.AddEngine();
        builder.AddLabAuth();

        services.AddSingleton<RunNotifications>();
        services.AddSingleton<CancelRegistry>();
        services.AddSingleton<RunLifecycle>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<RunCommands>();
        services.AddSingleton<SweepService>();
        services.AddSingleton<RunQueries>();
        services.AddSingleton<CompareService>();
        services.AddSingleton<Records.RecordEdits>();
        services.AddSingleton<Records.SweepDeletion>();
        services.AddHostedService<Records.OrphanArtifactSweeper>();
        services.AddSingleton<Records.StorageService>();
        services.AddSingleton<Datasets.DatasetGeneration>();
        services.AddHostedService<Records.StorageBudgetService>();
        services.AddTransient<RunJob>();
        services.AddHostedService<DemoDatasetStartup>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        return builder;
    }
}
