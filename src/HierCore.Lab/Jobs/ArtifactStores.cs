using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Jobs;

public static class ArtifactStores
{
    /// <summary>
    /// PostgreSQL (several machines) keeps artifacts in the database, SQLite (one machine) as files under data/.
    /// Lab:ArtifactStore (files or database) overrides the choice.
    /// </summary>
    public static IServiceCollection AddArtifactStore(this IServiceCollection services) =>
        services.AddSingleton<IArtifactStore>(sp =>
        {
            var configured = sp.GetRequiredService<IConfiguration>()["Lab:ArtifactStore"]?.Trim().ToLowerInvariant();
            var provider = LabDbProvider.Normalize(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider);
            var inDatabase = configured switch
            {
                null or "" or "auto" => provider == LabDbProvider.Postgres,
                "database" => true,
                "files" => false,
                _ => throw new InvalidOperationException($"Lab:ArtifactStore must be auto, files or database (got '{configured}')."),
            };
            return inDatabase
                ? ActivatorUtilities.CreateInstance<DatabaseArtifactStore>(sp)
                : ActivatorUtilities.CreateInstance<FileArtifactStore>(sp);
        });
}
