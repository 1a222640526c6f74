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
        WarnOnSplitStorage(builder.Configuration);
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
                    // Empty: the Lab database's connection string (one PostgreSQL for both; Hangfire keeps its own schema).
                    var cs = string.IsNullOrWhiteSpace(o.ConnectionString)
                        ? sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString
                        : o.ConnectionString;
                    if (string.IsNullOrWhiteSpace(cs))
                        throw new InvalidOperationException("Hangfire:Storage is postgres but neither Hangfire:ConnectionString nor Database:ConnectionString is set.");
                    config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(cs), new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = TimeSpan.FromSeconds(o.QueuePollSeconds),
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        // A job whose worker died becomes visible again after this; the Lab re-queues the run itself
                        // (new attempt) long before, and the old attempt's job then finds nothing to claim.
                        InvisibilityTimeout = TimeSpan.FromMinutes(30),
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Hangfire:Storage must be sqlite or postgres (got '{o.Storage}').");
            }
        });
        builder.Services.AddSingleton<RunQueue>();
        if (roles.Worker)
        {
            LateStopTolerance.Wrap(builder.Services, services => services.AddHangfireServer((sp, server) =>
            {
                var w = sp.GetRequiredService<IOptions<WorkerOptions>>().Value;
                server.Queues = [RunQueue.QueueName];
                server.WorkerCount = Math.Max(1, w.Concurrency);
                server.ServerName = w.WorkerName;
                // Within the host's own shutdown timeout: a running job is cancelled, hands its run back to the
                // queue (RunJob) and returns well before the host gives up on the server.
                server.StopTimeout = TimeSpan.FromSeconds(Math.Max(1, w.ShutdownSeconds / 2));
                server.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(1, w.ShutdownSeconds - 1));
            }));
            builder.Services.AddHostedService<StaleRunMonitor>();
        }
        else if (roles.Web)
        {
            builder.Services.AddHostedService<RunChangePoller>(); // the worker is another process
        }
        return builder;
    }

    /// <summary>A PostgreSQL Lab database with a SQLite queue (or the reverse) works on one machine only: workers elsewhere
    /// would never see the jobs. Said at start-up, because it is legal for a single machine.</summary>
    private static void WarnOnSplitStorage(IConfiguration config)
    {
        var db = (config["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        var queue = (config["Hangfire:Storage"] ?? "sqlite").Trim().ToLowerInvariant();
        if (db.StartsWith("postgres") != queue.StartsWith("postgres"))
            Console.Error.WriteLine($"warning: Database:Provider is '{db}' but Hangfire:Storage is '{queue}'. " +
                "For several worker machines set both to postgres.");
    }
}
