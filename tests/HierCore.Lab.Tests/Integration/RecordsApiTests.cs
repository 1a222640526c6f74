using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Records;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HierCore.Lab.Tests.Integration;

/// <summary>The Lab as a shared record through the API: tags, notes, archive, delete, scores.csv.</summary>
[Collection(LabCollection.Name)]
public sealed class RecordsApiTests(LabFactory lab)
{
    private static readonly JsonSerializerOptions Json = new();

    private async Task<(SweepId Id, List<(string Id, string Status, int Attempt)> Runs)> FinishedSweepAsync(HttpClient http, int seed)
    {
        var (id, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore", "patchcore"], Scenarios = ["S1"], Seeds = [seed] });
        return (id, await http.WaitForRunsAsync(id, LabClient.AllFinal));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static HttpRequestMessage Patch(string url, object body) => new(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };

    [Fact]
    public async Task Tags_and_notes_are_set_by_patch_returned_by_get_and_find_runs()
    {
        var http = lab.CreateClient();
        var (sweep, runs) = await FinishedSweepAsync(http, 701);
        var patched = await JsonAsync(await http.SendAsync(Patch($"/api/sweeps/{sweep}", new { tags = new[] { " Baseline ", "mvtec", "baseline" }, note = "# Why\nfirst try" })));
        Assert.Equal(["baseline", "mvtec"], patched.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("# Why\nfirst try", patched.GetProperty("note").GetString());

        var run = runs[0].Id;
        var runJson = await JsonAsync(await http.SendAsync(Patch($"/api/runs/{run}", new { tags = new[] { "best" } })));
        Assert.Equal("best", runJson.GetProperty("tags")[0].GetString());
        Assert.Equal(JsonValueKind.Null, runJson.GetProperty("note").ValueKind);
        // A patch without tags keeps them; "" clears the note.
        await JsonAsync(await http.SendAsync(Patch($"/api/runs/{run}", new { note = "kept" })));
        await JsonAsync(await http.SendAsync(Patch($"/api/runs/{run}", new { note = "" })));
        var detail = await JsonAsync(await http.GetAsync($"/api/runs/{run}"));
        Assert.Equal("best", detail.GetProperty("tags")[0].GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("note").ValueKind);

        // The run's own tag finds only it; the sweep's tag finds all its runs (also through "tag:" in q).
        var byRunTag = await JsonAsync(await http.GetAsync("/api/runs?tag=best"));
        Assert.Equal([run], byRunTag.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray());
        var bySweepTag = await JsonAsync(await http.GetAsync("/api/runs?q=tag:mvtec%20tag:baseline"));
        Assert.Equal(runs.Select(r => r.Id).Order(), bySweepTag.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order());
        Assert.Equal(0, (await JsonAsync(await http.GetAsync("/api/runs?q=tag:mvtec%20tag:nowhere"))).GetProperty("total").GetInt32());
        // Free text finds notes too.
        Assert.Equal(runs.Count, (await JsonAsync(await http.GetAsync("/api/runs?q=first%20try"))).GetProperty("total").GetInt32());

        var listed = await JsonAsync(await http.GetAsync("/api/sweeps?tag=mvtec"));
        Assert.Equal(sweep.ToString(), Assert.Single(listed.GetProperty("sweeps").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"tags\":[\"has space\"]}", "has space")]
    [InlineData("{\"tags\":[\"a|b\"]}", "a|b")]
    [InlineData("{\"tags\":[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]}", "longer than 40")]
    public async Task Bad_tags_are_refused_with_a_message_naming_them(string body, string expected)
    {
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["patchcore"], Scenarios = ["S2"], Seeds = [702 + body.Length] });
        var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/sweeps/{sweep}")
            { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        Assert.Empty((await JsonAsync(await http.GetAsync($"/api/sweeps/{sweep}"))).GetProperty("tags").EnumerateArray());
        await http.WaitForRunsAsync(sweep, LabClient.AllFinal);
    }

    [Fact]
    public async Task Unknown_ids_get_404_and_malformed_ones_400()
    {
        var http = lab.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Patch($"/api/sweeps/{Guid.NewGuid()}", new { note = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(Patch($"/api/runs/{Guid.NewGuid()}", new { note = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"/api/sweeps/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/api/sweeps/{Guid.NewGuid()}/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/runs/{Guid.NewGuid()}/scores.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.DeleteAsync("/api/sweeps/zzz")).StatusCode);
    }

    [Fact]
    public async Task Archive_hides_a_sweep_from_default_lists_and_unarchive_brings_it_back()
    {
        var http = lab.CreateClient();
        var (sweep, runs) = await FinishedSweepAsync(http, 703);
        var archived = await JsonAsync(await http.PostAsync($"/api/sweeps/{sweep}/archive", null));
        Assert.True(archived.GetProperty("archived").GetBoolean());

        static IEnumerable<string> Ids(JsonElement e, string list) => e.GetProperty(list).EnumerateArray().Select(x => x.GetProperty("id").GetString()!);
        Assert.DoesNotContain(sweep.ToString(), Ids(await JsonAsync(await http.GetAsync("/api/sweeps")), "sweeps"));
        Assert.Contains(sweep.ToString(), Ids(await JsonAsync(await http.GetAsync("/api/sweeps?archived=true")), "sweeps"));
        var all = Ids(await JsonAsync(await http.GetAsync("/api/runs?size=1000")), "runs").ToList();
        Assert.DoesNotContain(runs[0].Id, all);
        Assert.Contains(runs[0].Id, Ids(await JsonAsync(await http.GetAsync("/api/runs?size=1000&archived=true")), "runs"));
        // Naming the sweep still shows its runs, and Home lists it only with the archived filter on.
        Assert.Equal(runs.Count, (await http.RunsAsync(sweep)).Count);
        Assert.DoesNotContain(sweep.ToString(), await http.GetStringAsync("/"));
        Assert.Contains(sweep.ToString(), await http.GetStringAsync("/?archived=show"));

        await JsonAsync(await http.PostAsync($"/api/sweeps/{sweep}/unarchive", null));
        Assert.Contains(runs[0].Id, Ids(await JsonAsync(await http.GetAsync("/api/runs?size=1000")), "runs"));
        Assert.Contains(sweep.ToString(), await http.GetStringAsync("/"));
    }

    [Fact]
    public async Task Delete_removes_rows_and_files_of_that_sweep_only_and_reports_counts()
    {
        var http = lab.CreateClient();
        var paths = lab.Services.GetRequiredService<LabPaths>();
        var (doomed, doomedRuns) = await FinishedSweepAsync(http, 704);
        var (kept, keptRuns) = await FinishedSweepAsync(http, 705);
        var doomedFolders = doomedRuns.Select(r => ArtifactFolders.Of(paths, new RunId(Guid.Parse(r.Id)))).ToList();
        var keptFolders = keptRuns.Select(r => ArtifactFolders.Of(paths, new RunId(Guid.Parse(r.Id)))).ToList();
        Assert.All(doomedFolders.Concat(keptFolders), f => Assert.True(Directory.Exists(f), f));
        var expectedBytes = doomedFolders.Sum(ArtifactFolders.Bytes);
        Assert.True(expectedBytes > 0);
        var keptFiles = keptFolders.SelectMany(f => Directory.GetFiles(f, "*", SearchOption.AllDirectories)).Order().ToList();

        var shown = await JsonAsync(await http.GetAsync($"/api/sweeps/{doomed}"));
        Assert.Equal(expectedBytes, shown.GetProperty("artifact_bytes").GetInt64());
        var deleted = await JsonAsync(await http.DeleteAsync($"/api/sweeps/{doomed}"));
        Assert.Equal(doomedRuns.Count, deleted.GetProperty("deleted_runs").GetInt32());
        Assert.Equal(expectedBytes, deleted.GetProperty("deleted_bytes").GetInt64());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/sweeps/{doomed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/runs/{doomedRuns[0].Id}")).StatusCode);
        Assert.All(doomedFolders, f => Assert.False(Directory.Exists(f), f));
        await using (var db = await lab.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<LabDbContext>>().CreateDbContextAsync())
        {
            var ids = doomedRuns.Select(r => new RunId(Guid.Parse(r.Id))).ToList();
            Assert.False(db.Artifacts.Any(a => ids.Contains(a.RunId)));
            Assert.False(db.RunLog.Any(l => ids.Contains(l.RunId)));
        }
        // The other sweep: rows, files and served scores untouched.
        Assert.Equal(keptRuns.Count, (await http.RunsAsync(kept)).Count);
        Assert.Equal(keptFiles, keptFolders.SelectMany(f => Directory.GetFiles(f, "*", SearchOption.AllDirectories)).Order().ToList());
        var csv = await http.GetStringAsync($"/api/runs/{keptRuns[0].Id}/scores.csv");
        Assert.StartsWith(File.ReadAllLines(Directory.GetFiles(keptFolders[0], "scores.csv", SearchOption.AllDirectories).Single())[0], csv);
    }

    [Fact]
    public async Task Deleting_a_running_sweep_cancels_it_first()
    {
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(200);
        try
        {
            var http = lab.CreateClient();
            var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["hiercore", "patchcore"], Scenarios = ["S1", "S2"], Seeds = [706] });
            await http.WaitForRunsAsync(sweep, runs => runs.Any(r => r.Status == nameof(RunStatus.Running)));
            var deleted = await JsonAsync(await http.DeleteAsync($"/api/sweeps/{sweep}"));
            Assert.Equal(4, deleted.GetProperty("deleted_runs").GetInt32());
            Assert.True(deleted.GetProperty("cancelled_runs").GetInt32() >= 1);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/sweeps/{sweep}")).StatusCode);
            Assert.Equal(0, (await JsonAsync(await http.GetAsync("/api/runs?q=zzz-none"))).GetProperty("total").GetInt32());
        }
        finally { lab.Runner.StepDelay = TimeSpan.FromMilliseconds(20); }
    }

    [Fact]
    public async Task The_startup_sweeper_removes_folders_of_runs_that_no_longer_exist_and_keeps_the_rest()
    {
        var http = lab.CreateClient();
        var paths = lab.Services.GetRequiredService<LabPaths>();
        var (_, runs) = await FinishedSweepAsync(http, 707);
        var live = ArtifactFolders.Of(paths, new RunId(Guid.Parse(runs[0].Id)));
        var orphan = ArtifactFolders.Of(paths, new RunId(Guid.NewGuid()));
        var other = Path.Combine(paths.ArtifactsDirectory, "not-a-run");
        Directory.CreateDirectory(Path.Combine(orphan, "a1"));
        File.WriteAllText(Path.Combine(orphan, "a1", "scores.csv"), "x");
        Directory.CreateDirectory(other);
        var removed = await lab.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OrphanArtifactSweeper>().Single().SweepAsync();
        Assert.Equal([orphan], removed);
        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(other));
    }

    [Fact]
    public async Task With_sign_in_on_anonymous_users_cannot_tag_archive_or_delete()
    {
        await using var app = lab.WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:Enabled", "true");
            b.UseSetting("Auth:Users:0:Name", "ada");
            b.UseSetting("Auth:Users:0:PasswordHash", PasswordHash.Create("correct horse"));
        });
        var anon = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.SendAsync(Patch($"/api/sweeps/{id}", new { note = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.SendAsync(Patch($"/api/runs/{id}", new { note = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync($"/api/sweeps/{id}/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.DeleteAsync($"/api/sweeps/{id}")).StatusCode);
    }
}
