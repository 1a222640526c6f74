using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using HierCore.Lab.Jobs;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>Hangfire carries the work (SQLite file under data/ by default, PostgreSQL for several machines).</summary>
public static class QueueSetup
{
    public static IHostApplicationBuilder AddLabQueue(this IHostApplicationBuilder builder)
    {
        var roles = LabRoles.Parse(builder.Configuration["Roles"]);
        builder.Services.AddSingleton(roles);
        builder.Services.AddHangfire((sp, config) =>
        {
            var o = sp.GetRequiredService<IOptions<HangfireStorageOptions>>().Value;
            var paths = sp.GetRequiredService<LabPaths>();
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (o.Storage.ToLowerInvariant())
            {
                case "sqlite":
                    var file = string.IsNullOrWhiteSpace(o.ConnectionString) ? paths.HangfireFile : o.ConnectionString;
                    config.UseSQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(o.QueuePollSeconds) });
                    break;
                case "postgres" or "postgresql":
                    config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(o.ConnectionString),
                        new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(o.QueuePollSeconds) });
                    break;
                default:
                    throw new InvalidOperationException($"Hangfire:Storage must be sqlite or postgres (got '{o.Storage}').");
            }
        });
        builder.Services.AddSingleton<RunQueue>();
        if (roles.Worker)
        {
            builder.Services.AddHangfireServer((sp, server) =>
            {
                var w = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
                server.Queues = [RunQueue.QueueName];
                server.WorkerCount = Math.Max(1, w.Concurrency);
                server.ServerName = w.WorkerName;
                server.ShutdownTimeout = TimeSpan.FromSeconds(5);
            });
            builder.Services.AddHostedService<StaleRunMonitor>();
        }
        else if (roles.Web)
        {
            builder.Services.AddHostedService<RunChangePoller>(); // the worker is another process
        }
        return builder;
    }
}
