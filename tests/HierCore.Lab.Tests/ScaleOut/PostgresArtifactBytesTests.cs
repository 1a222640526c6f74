using HierCore.Lab.Tests.Fakes;
using HierCore.Lab.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>With PostgreSQL the artifacts are rows (ArtifactBlobs): storage and delete still count their bytes, summed in SQL.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class PostgresArtifactBytesTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [PostgresFact]
    public async Task Database_store_reports_each_sweeps_blob_bytes_in_storage_and_delete()
    {
        await server.CreateDatabaseAsync("bytes");
        await using var lab = new LabFactory();
        lab.Settings["Database:Provider"] = "postgres";
        lab.Settings["Database:ConnectionString"] = server.ConnectionString("bytes");
        var http = lab.CreateClient();
        Assert.IsType<Jobs.DatabaseArtifactStore>(lab.Services.GetRequiredService<Jobs.IArtifactStore>());
        await ArtifactBytesTests.AssertBytesPerSweepAsync(http, seeds: [821, 822]);
        // Nothing was measured on disk: no artifact file was ever written.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(lab.DataDirectory, "artifacts"), "*", SearchOption.AllDirectories));
    }
}
