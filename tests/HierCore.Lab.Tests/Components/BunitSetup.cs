using Bunit;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Lab.Data;
using HierCore.Lab.Datasets;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using HierCore.Lab.Sweeps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace HierCore.Lab.Tests.Components;

/// <summary>bUnit context with MudBlazor and the Lab services a form needs (no database is touched before submit).</summary>
public static class BunitSetup
{
    public static BunitContext Create(params string[] datasets) =>
        Create(datasets.Select(n => new DatasetInfo(n, "/nowhere/" + n, "mvtec", [])).ToArray());

    /// <summary>With listed datasets whose classes (training image counts) the form's dataset bounds read.</summary>
    public static BunitContext Create(params DatasetInfo[] datasets)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton<IDatasetCatalog>(new ListedCatalog(datasets));
        ctx.Services.AddDbContextFactory<LabDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        ctx.Services.AddSingleton<IBackgroundJobClient, NoJobs>();
        ctx.Services.AddSingleton<RunQueue>();
        ctx.Services.AddSingleton<RunNotifications>();
        ctx.Services.AddSingleton(TimeProvider.System);
        ctx.Services.AddSingleton<RunLifecycle>();
        ctx.Services.AddSingleton(Options.Create(new WorkerOptions()));
        ctx.Services.AddSingleton(Options.Create(new SweepOptions()));
        ctx.Services.AddSingleton<SweepService>();
        ctx.Services.AddSingleton<IOptionsMonitor<AuthOptions>>(new StaticMonitor<AuthOptions>(new AuthOptions()));
        ctx.Services.AddSingleton<LabAccess>();
        ctx.AddAuthorization();
        return ctx;
    }

    private sealed class ListedCatalog(DatasetInfo[] datasets) : IDatasetCatalog
    {
        public IReadOnlyList<DatasetInfo> List() => datasets;
        public DatasetChoice Resolve(string nameOrPath) =>
            datasets.FirstOrDefault(d => d.Name == nameOrPath) is { } d ? new DatasetChoice(d.Name, d.Name, null, d.Classes.Count > 0 ? d : null)
            : nameOrPath == "demo" ? new DatasetChoice(nameOrPath, nameOrPath, null)
            : DatasetChoice.Fail($"Dataset: '{nameOrPath}' is not a known dataset.");
        public Task EnsureDemoAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new InvalidOperationException("No job may be created in a component test.");
        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }
}
