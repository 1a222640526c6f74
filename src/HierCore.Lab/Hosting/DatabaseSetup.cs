using HierCore.Lab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Hosting;

public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddLabDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContextFactory<LabDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var paths = sp.GetRequiredService<LabPaths>();
            switch (db.Provider.ToLowerInvariant())
            {
                case "sqlite":
                    var cs = string.IsNullOrWhiteSpace(db.ConnectionString) ? $"Data Source={paths.DatabaseFile}" : db.ConnectionString;
                    options.UseSqlite(cs);
                    break;
                case "postgres" or "postgresql":
                    options.UseNpgsql(db.ConnectionString);
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider must be sqlite or postgres (got '{db.Provider}').");
            }
        });
        return builder;
    }

    /// <summary>Creates or migrates the database before anything reads it. SQLite runs in WAL mode so the
    /// worker's heartbeats and the pages' reads do not block each other.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<LabDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            // The checked-in migrations are SQLite's; PostgreSQL gets the schema from the model.
            await db.Database.EnsureCreatedAsync();
        }
    }
}
