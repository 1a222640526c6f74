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
    public static BunitContext Create(params string[] datasets)
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

    private sealed class ListedCatalog(string[] names) : IDatasetCatalog
    {
        public IReadOnlyList<DatasetInfo> List() => names.Select(n => new DatasetInfo(n, "/nowhere/" + n, "mvtec", [])).ToList();
        public DatasetChoice Resolve(string nameOrPath) => names.Contains(nameOrPath) || nameOrPath == "demo"
            ? new DatasetChoice(nameOrPath, nameOrPath, null)
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
