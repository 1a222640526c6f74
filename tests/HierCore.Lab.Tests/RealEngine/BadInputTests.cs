using System.Net.Http.Json;
using System.Net;
using HierCore.Engine.Contracts;
using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace HierCore.Lab.Tests.RealEngine;

/// <summary>Broken datasets fail their own runs with a message naming the folder or file; other runs go on.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class BadInputTests(RealLabFactory lab)
{
    private static SweepRequest One(string dataset, int seed = 0) =>
        new() { Dataset = dataset, Methods = ["patchcore"], Scenarios = ["S1"], Seeds = [seed], CoresetRatio = 0.05 };

    [Fact]
    public async Task Each_broken_dataset_fails_its_run_with_a_clear_message_and_the_good_run_succeeds()
    {
        var gone = lab.CopyDemo("gone");
        var emptied = lab.CopyDemo("emptied");
        var corrupt = lab.CopyDemo("corrupt");
        var badMask = lab.CopyDemo("badmask");
        var corruptFile = Path.Combine(corrupt, "disc", "train", "good", "000.png");
        File.WriteAllText(corruptFile, "this is not a png");
        var mask = Directory.EnumerateFiles(Path.Combine(badMask, "stripes", "ground_truth"), "*.png", SearchOption.AllDirectories).First();
        WritePng(mask, 64);
        // A stray non-image file among the images is skipped, not an error.
        File.WriteAllText(Path.Combine(lab.CopyDemo("notes", lab.ExtraRoot), "noise", "train", "good", "notes.txt"), "taken on Monday");

        var http = lab.CreateClient();
        // The good run goes first (one worker), so the broken ones are still queued when their folders change.
        var (good, _) = await http.CreateSweepAsync(One("demo", seed: 11));
        var sweeps = new Dictionary<string, SweepId>();
        foreach (var name in new[] { "gone", "emptied", "corrupt", "badmask", "notes" })
            sweeps[name] = (await http.CreateSweepAsync(One(name))).Id;
        Directory.Delete(gone, recursive: true);
        foreach (var f in Directory.EnumerateFiles(emptied, "*.png", SearchOption.AllDirectories)) File.Delete(f);

        var goodRuns = await http.WaitForRunsAsync(good, LabClient.AllFinal, TimeSpan.FromSeconds(150));
        Assert.Equal("Succeeded", goodRuns.Single().Status);
        var notes = await http.WaitForRunsAsync(sweeps["notes"], LabClient.AllFinal, TimeSpan.FromSeconds(150));
        Assert.Equal("Succeeded", notes.Single().Status);

        Assert.Contains("gone", await ErrorOf(http, sweeps["gone"]));
        Assert.Contains(Path.Combine(emptied, "disc"), await ErrorOf(http, sweeps["emptied"]));
        Assert.Contains(corruptFile, await ErrorOf(http, sweeps["corrupt"]));
        var maskError = await ErrorOf(http, sweeps["badmask"]);
        Assert.Contains(mask, maskError);
        Assert.Contains("64x64", maskError);

        // None of them left a result or files behind.
        await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        var failed = await db.Runs.Where(r => r.Status == RunStatus.Failed).Select(r => r.Id).ToListAsync();
        Assert.Equal(0, await db.Runs.CountAsync(r => failed.Contains(r.Id) && r.ResultJson != null));
        Assert.Equal(0, await db.Artifacts.CountAsync(a => failed.Contains(a.RunId)));
    }

    [Fact]
    public async Task A_class_without_test_images_and_paths_outside_the_roots_are_refused_at_submit()
    {
        var noTest = lab.CopyDemo("notest");
        Directory.Delete(Path.Combine(noTest, "disc", "test"), recursive: true);
        Directory.CreateDirectory(Path.Combine(noTest, "disc", "test"));
        var outside = Path.Combine(Path.GetTempPath(), "hiercore-outside-" + Guid.NewGuid().ToString("N")[..8]);
        var http = lab.CreateClient();

        foreach (var (dataset, expected) in new[]
                 {
                     ("notest", "has no test images"),
                     (outside, "outside the dataset roots"),
                     (Path.Combine(lab.DatasetsDirectory, "..", "..", "etc"), "outside the dataset roots"),
                     ("../../etc/passwd", "outside the dataset roots"),
                     ("/etc", "outside the dataset roots"),
                 })
        {
            var response = await http.PostAsJsonAsync("/api/sweeps", One(dataset));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }

        // The form plans with the same service: a folder inside a configured root is offered by its path.
        var inside = lab.CopyDemo("extra-set", lab.ExtraRoot);
        var plan = lab.Services.GetRequiredService<SweepService>().Plan(One(inside));
        Assert.True(plan.IsValid, string.Join(" ", plan.Errors));
        Assert.Equal(inside, plan.Runs.Single().Dataset);
        Assert.Contains("outside the dataset roots", string.Join(" ", lab.Services.GetRequiredService<SweepService>().Plan(One(outside)).Errors));
    }

    [Fact]
    public async Task A_cancelled_real_run_leaves_no_results_or_files()
    {
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Dataset = "demo", Methods = ["hiercore"], Scenarios = ["S4"], Seeds = [5], CoresetRatio = 0.05 });
        var running = await http.WaitForRunsAsync(sweep, rs => rs.All(r => r.Status == "Running"), TimeSpan.FromSeconds(120));
        // Cancel while the engine computes (past loading the dataset), not before it has started.
        await http.WaitForPhaseAsync(running[0].Id, p => p is not (null or "starting" or RunPhases.Load), TimeSpan.FromSeconds(120));

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/runs/{running[0].Id}/cancel", null)).StatusCode);
        var final = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(60));
        Assert.Equal("Cancelled", final[0].Status);

        // The engine runs one spec at a time: once a later run has succeeded, whatever the cancelled one still
        // computed has ended, and must have been dropped.
        var (later, _) = await http.CreateSweepAsync(new SweepRequest { Dataset = "demo", Methods = ["patchcore"], Scenarios = ["S1"], Seeds = [55], CoresetRatio = 0.05 });
        await http.WaitForRunsAsync(later, rs => rs.All(r => r.Status == "Succeeded"), TimeSpan.FromSeconds(240));
        var id = new RunId(Guid.Parse(final[0].Id));
        await using var db = await lab.Services.GetRequiredService<IDbContextFactory<LabDbContext>>().CreateDbContextAsync();
        Assert.Null((await db.Runs.SingleAsync(r => r.Id == id)).ResultJson);
        Assert.Equal(0, await db.Artifacts.CountAsync(a => a.RunId == id));
        Assert.Equal(RunStatus.Cancelled, (await db.Runs.SingleAsync(r => r.Id == id)).Status);
        var paths = lab.Services.GetRequiredService<LabPaths>();
        Assert.False(Directory.Exists(Path.Combine(paths.ArtifactsDirectory, id.Value.ToString("N"))));
    }

    private static async Task<string> ErrorOf(HttpClient http, SweepId sweep)
    {
        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(150));
        Assert.Equal("Failed", runs.Single().Status);
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{runs.Single().Id}"));
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    private static void WritePng(string path, int size)
    {
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.White);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        File.WriteAllBytes(path, data.ToArray());
    }
}
