using System.Text.Json;
using HierCore.Lab.Data;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Integration;

/// <summary>
/// The artifact store answers bytes per sweep (files: sizes on disk; database: summed blob lengths): the Storage
/// API, the sweep's delete confirmation and the delete itself report what its runs' artifacts really weigh.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class ArtifactBytesTests(LabFactory lab)
{
    [Fact]
    public async Task Files_store_reports_each_sweeps_artifact_bytes_in_storage_and_delete()
    {
        Assert.IsType<Jobs.FileArtifactStore>(lab.Services.GetService(typeof(Jobs.IArtifactStore)));
        await AssertBytesPerSweepAsync(lab.CreateClient(), seeds: [811, 812]);
    }

    /// <summary>
    /// Two finished sweeps (of different sizes); for each, the bytes of every artifact downloaded through /artifacts/
    /// are what storage, the sweep (delete confirmation) and the delete report; the other sweep's count is its own.
    /// </summary>
    internal static async Task AssertBytesPerSweepAsync(HttpClient http, int[] seeds)
    {
        var sweeps = new List<(SweepId Id, long Bytes)>();
        for (var i = 0; i < seeds.Length; i++)
        {
            var (id, _) = await http.CreateSweepAsync(new SweepRequest
            {
                Methods = i == 0 ? ["hiercore"] : ["hiercore", "patchcore"], Scenarios = ["S1"], Seeds = [seeds[i]],
            });
            var runs = await http.WaitForRunsAsync(id, LabClient.AllFinal);
            Assert.All(runs, r => Assert.Equal(nameof(RunStatus.Succeeded), r.Status));
            long bytes = 0;
            foreach (var run in runs)
            {
                using var detail = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{run.Id}"));
                foreach (var a in detail.RootElement.GetProperty("artifacts").EnumerateArray())
                    bytes += (await http.GetByteArrayAsync(a.GetProperty("url").GetString())).Length;
            }
            Assert.True(bytes > 0);
            sweeps.Add((id, bytes));
        }
        Assert.NotEqual(sweeps[0].Bytes, sweeps[1].Bytes);

        using var storage = JsonDocument.Parse(await http.GetStringAsync("/api/storage"));
        var listed = storage.RootElement.GetProperty("artifacts").GetProperty("sweeps").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("bytes").GetInt64());
        foreach (var (id, bytes) in sweeps)
        {
            Assert.Equal(bytes, listed[id.ToString()]);
            using var sweep = JsonDocument.Parse(await http.GetStringAsync($"/api/sweeps/{id}"));
            Assert.Equal(bytes, sweep.RootElement.GetProperty("artifact_bytes").GetInt64());
        }
        using var deleted = JsonDocument.Parse(await (await http.DeleteAsync($"/api/sweeps/{sweeps[0].Id}")).Content.ReadAsStringAsync());
        Assert.Equal(sweeps[0].Bytes, deleted.RootElement.GetProperty("deleted_bytes").GetInt64());
        using var after = JsonDocument.Parse(await http.GetStringAsync($"/api/sweeps/{sweeps[1].Id}"));
        Assert.Equal(sweeps[1].Bytes, after.RootElement.GetProperty("artifact_bytes").GetInt64());
    }
}
