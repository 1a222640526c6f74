using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HierCore.Lab.Data;

/// <summary>
/// The two database engines the Lab runs on. Each has its own migration set (Data/Migrations/Sqlite,
/// Data/Migrations/Postgres) because column types and SQL differ; <see cref="ProviderMigrationsAssembly"/>
/// shows EF only the set of the provider in use.
/// </summary>
public static class LabDbProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>"sqlite" or "postgres" (also accepts "postgresql"); anything else names the config key in the error.</summary>
    public static string Normalize(string? provider) => (provider ?? Sqlite).Trim().ToLowerInvariant() switch
    {
        "" or "sqlite" => Sqlite,
        "postgres" or "postgresql" or "npgsql" => Postgres,
        var other => throw new InvalidOperationException($"Database:Provider must be sqlite or postgres (got '{other}')."),
    };

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (Normalize(provider))
        {
            case Sqlite:
                options.UseSqlite(connectionString);
                break;
            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is postgres " +
                        "(e.g. Host=db.lab.local;Port=5432;Database=hiercore;Username=hiercore;Password=...).");
                options.UseNpgsql(connectionString);
                break;
        }
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>Namespace of a provider's migrations, from the EF provider name (Database.ProviderName).</summary>
    public static string MigrationsNamespace(string? efProviderName) =>
        efProviderName is not null && efProviderName.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            ? "HierCore.Lab.Data.Migrations.Postgres"
            : "HierCore.Lab.Data.Migrations.Sqlite";
}
