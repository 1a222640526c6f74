using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

/// <summary>
/// The Lab database: SQLite (data/hiercore.db, one machine) or PostgreSQL (Database:Provider=postgres, shared by
/// every web and worker process of a lab). Chosen by configuration only; each provider has its own migrations.
/// </summary>
public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddLabDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContextFactory<LabDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var paths = sp.GetRequiredService<LabPaths>();
            var provider = LabDbProvider.Normalize(db.Provider);
            var cs = provider == LabDbProvider.Sqlite && string.IsNullOrWhiteSpace(db.ConnectionString)
                ? $"Data Source={paths.DatabaseFile}"
                : db.ConnectionString;
            LabDbProvider.Configure(options, provider, cs);
        });
        return builder;
    }

    /// <summary>
    /// Applies the provider's migrations before anything reads the database (never EnsureCreated, so a schema made
    /// by an older version is upgraded in place). Several processes may start at once against one PostgreSQL: EF
    /// takes a database lock around Migrate, so one applies and the others find it done. SQLite runs in WAL mode
    /// so the worker's heartbeats and the pages' reads do not block each other.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<LabDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await LoadTestSeeder.SeedIfConfiguredAsync(app.Services, db);
    }
}
