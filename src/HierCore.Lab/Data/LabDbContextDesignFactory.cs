using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HierCore.Lab.Data;

/// <summary>
/// For `dotnet ef` only: picks the provider from HIERCORE_EF_PROVIDER (sqlite by default), so each provider's
/// migrations are generated against its own snapshot. No connection is opened to add a migration.
///   HIERCORE_EF_PROVIDER=sqlite   dotnet ef migrations add Name -p src/HierCore.Lab -o Data/Migrations/Sqlite   -n HierCore.Lab.Data.Migrations.Sqlite
///   HIERCORE_EF_PROVIDER=postgres dotnet ef migrations add Name -p src/HierCore.Lab -o Data/Migrations/Postgres -n HierCore.Lab.Data.Migrations.Postgres
/// </summary>
public sealed class LabDbContextDesignFactory : IDesignTimeDbContextFactory<LabDbContext>
{
    public LabDbContext CreateDbContext(string[] args)
    {
        var provider = LabDbProvider.Normalize(Environment.GetEnvironmentVariable("HIERCORE_EF_PROVIDER"));
        var cs = Environment.GetEnvironmentVariable("HIERCORE_EF_CONNECTION")
                 ?? (provider == LabDbProvider.Sqlite ? "Data Source=design-time.db" : "Host=127.0.0.1;Database=hiercore_design");
        var options = new DbContextOptionsBuilder<LabDbContext>();
        LabDbProvider.Configure(options, provider, cs);
        return new LabDbContext(options.Options);
    }
}
