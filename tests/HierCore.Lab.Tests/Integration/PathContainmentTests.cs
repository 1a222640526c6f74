using System.Net;
using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Jobs;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

/// <summary>Symbolic links do not carry a path out of its folder: not for artifact downloads, not for a run's dataset.</summary>
[Collection(LabCollection.Name)]
public sealed class PathContainmentTests(LabFactory lab)
{
    [Fact]
    public async Task Artifact_links_that_lead_outside_the_artifacts_folder_are_not_served()
    {
        var paths = lab.Services.GetRequiredService<LabPaths>();
        File.WriteAllText(Path.Combine(lab.DataDirectory, "secret.txt"), "secret");
        var links = Path.Combine(paths.ArtifactsDirectory, "links");
        Directory.CreateDirectory(Path.Combine(paths.ArtifactsDirectory, "real"));
        File.WriteAllText(Path.Combine(paths.ArtifactsDirectory, "real", "x.csv"), "a,b\n");
        Directory.CreateDirectory(links);
        File.CreateSymbolicLink(Path.Combine(links, "secret.csv"), Path.Combine(lab.DataDirectory, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(links, "passwd.csv"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(links, "relative.csv"), "../../secret.txt");
        Directory.CreateSymbolicLink(Path.Combine(links, "data"), lab.DataDirectory);
        File.CreateSymbolicLink(Path.Combine(links, "inside.csv"), Path.Combine(paths.ArtifactsDirectory, "real", "x.csv"));

        var http = lab.CreateClient();
        foreach (var url in new[] { "secret.csv", "passwd.csv", "relative.csv", "data/secret.txt", "data/hiercore.db" })
        {
            var response = await http.GetAsync("/artifacts/artifacts/links/" + url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        // A link that stays inside is an ordinary artifact.
        Assert.Equal("a,b\n", await http.GetStringAsync("/artifacts/artifacts/links/inside.csv"));
    }

    [Fact]
    public async Task A_worker_refuses_a_run_whose_dataset_leads_outside_its_dataset_roots()
    {
        var outside = Directory.CreateTempSubdirectory("hiercore-outside-").FullName;
        try
        {
            var paths = lab.Services.GetRequiredService<LabPaths>();
            TinyDataset.Write(outside, "elsewhere", ["disc", "grid"]);
            // Submitted when it was fine, then swapped for a link that leads out (or the roots were narrowed since).
            Directory.CreateSymbolicLink(Path.Combine(paths.DatasetsDirectory, "swapped"), Path.Combine(outside, "elsewhere"));
            var viaLink = await InsertQueuedRunAsync("swapped");
            var absolute = await InsertQueuedRunAsync(Path.Combine(outside, "elsewhere"));

            var http = lab.CreateClient();
            foreach (var (sweep, _) in new[] { viaLink, absolute })
            {
                var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(20));
                Assert.Equal("Failed", runs[0].Status);
            }
            await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
            foreach (var (_, run) in new[] { viaLink, absolute })
            {
                var error = await db.Runs.Where(r => r.Id == run).Select(r => r.Error).SingleAsync();
                Assert.Contains("outside the dataset roots", error);
                Assert.Contains(Path.Combine(outside, "elsewhere"), error);
            }
        }
        finally { Directory.Delete(outside, recursive: true); }
    }

    private async Task<(SweepId, RunId)> InsertQueuedRunAsync(string dataset)
    {
        var sweepId = SweepId.New();
        var runId = RunId.New();
        var spec = new RunSpec { Dataset = dataset, Method = "patchcore", Scenario = Scenario.S2, Seed = Random.Shared.Next(1000, 100_000) };
        await using (var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync())
        {
            db.Sweeps.Add(new Sweep { Id = sweepId, Name = "path", Dataset = dataset, RequestJson = "{}", CreatedAt = DateTime.UtcNow, RunCount = 1 });
            db.Runs.Add(new Run { Id = runId, SweepId = sweepId, SpecJson = LabJson.Serialize(spec), Method = spec.Method, Scenario = "S2",
                Dataset = dataset, Seed = spec.Seed, Status = RunStatus.Queued, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await lab.Services.GetRequiredService<RunRequeue>().EnqueueAsync(runId, 1, CancellationToken.None);
        return (sweepId, runId);
    }
}
