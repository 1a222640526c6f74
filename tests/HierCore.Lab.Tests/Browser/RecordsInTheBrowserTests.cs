using HierCore.Lab.Data;
using HierCore.Lab.Hosting;
using HierCore.Lab.Records;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>
/// Tags, notes, archive and delete as a user does them: on the sweep and run pages, found again through the Runs
/// tag filter and "tag:" search; a note's &lt;script&gt; shows as text; delete confirms with the run count and bytes
/// and leaves the other sweep's files alone.
/// </summary>
[Collection(Integration.LabCollection.Name)]
public sealed class RecordsInTheBrowserTests
{
    [BrowserFact]
    public async Task A_sweep_is_tagged_noted_found_archived_and_deleted_in_the_browser()
    {
        await using var s = await BrowserSession.StartAsync("records");
        var http = s.Lab.CreateClient();
        var paths = s.Lab.Services.GetRequiredService<LabPaths>();
        var (doomed, _) = await http.CreateSweepAsync(new SweepRequest { Name = "exploratory", Methods = ["hiercore", "patchcore"], Scenarios = ["S1", "S2"], Seeds = [801] });
        var (kept, _) = await http.CreateSweepAsync(new SweepRequest { Name = "keeper", Methods = ["hiercore"], Scenarios = ["S1"], Seeds = [802] });
        var doomedRuns = await http.WaitForRunsAsync(doomed, LabClient.AllFinal);
        var keptRuns = await http.WaitForRunsAsync(kept, LabClient.AllFinal);
        var page = s.Page;

        // Tags and a note on the sweep page.
        await s.OpenAsync($"sweeps/{doomed}");
        foreach (var tag in new[] { "baseline", "mvtec" })
        {
            await page.FillAsync("#sweep-tag-input", tag);
            await page.Locator("#sweep-tag-input").PressAsync("Enter");
            await Assertions.Expect(page.Locator($"#sweep-tags .tag-chip[data-tag={tag}]")).ToHaveCountAsync(1);
        }
        await page.ClickAsync("#sweep-note-edit");
        await page.FillAsync("#sweep-note-input", "Tried **wide** coresets. <script>window.pwned = 1</script>");
        await page.ClickAsync("#sweep-note-save");
        await Assertions.Expect(page.Locator("#sweep-note strong")).ToHaveTextAsync("wide");
        await Assertions.Expect(page.Locator("#sweep-note")).ToContainTextAsync("<script>window.pwned = 1</script>");
        Assert.Equal(0, await page.Locator("#sweep-note script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        await s.ShotAsync("sweep-record");

        // A run's own tag, from its page.
        await s.OpenAsync($"runs/{doomedRuns[0].Id}");
        await page.FillAsync("#run-tag-input", "best");
        await page.Locator("#run-tag-input").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#run-tags .tag-chip[data-tag=best]")).ToHaveCountAsync(1);
        await s.ShotAsync("run-record");

        // Found again: the tag filter (sweep tags reach its runs) and "tag:" in the search box; the URL keeps it.
        await s.OpenAsync("runs?tag=baseline");
        await Assertions.Expect(page.Locator("#runs-grid .status-chip")).ToHaveCountAsync(doomedRuns.Count);
        await s.ShotAsync("runs-by-tag");
        await s.OpenAsync("runs");
        await page.FillAsync("#runs-search", "tag:best");
        await page.WaitForURLAsync(u => u.Contains("q=tag%3Abest") || u.Contains("q=tag:best"));
        await Assertions.Expect(page.Locator("#runs-grid .status-chip")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#runs-grid a.mono")).ToHaveTextAsync(new RunId(Guid.Parse(doomedRuns[0].Id)).Short);

        // Archive: gone from Home and Runs by default, back with the filter.
        await s.OpenAsync($"sweeps/{doomed}");
        await page.ClickAsync("#archive-sweep");
        await Assertions.Expect(page.Locator("#archived-chip")).ToHaveCountAsync(1);
        await s.OpenAsync("");
        await Assertions.Expect(page.Locator("a.sweep-link", new() { HasText = "keeper" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("a.sweep-link", new() { HasText = "exploratory" })).ToHaveCountAsync(0);
        await page.ClickAsync("#show-archived");
        await page.WaitForURLAsync(u => u.Contains("archived=show"));
        await Assertions.Expect(page.Locator("a.sweep-link", new() { HasText = "exploratory" })).ToHaveCountAsync(1);
        await s.ShotAsync("home-archived");
        await s.OpenAsync("runs?tag=baseline");
        await Assertions.Expect(page.Locator("#runs-grid")).ToContainTextAsync("No runs match");
        await s.OpenAsync("runs?tag=baseline&archived=show");
        await Assertions.Expect(page.Locator("#runs-grid .status-chip")).ToHaveCountAsync(doomedRuns.Count);

        // Delete: the confirmation names the runs and bytes; afterwards rows and folders are gone, the keeper's stay.
        var doomedFolders = doomedRuns.Select(r => ArtifactFolders.Of(paths, new RunId(Guid.Parse(r.Id)))).ToList();
        var keptFiles = keptRuns.SelectMany(r => Directory.GetFiles(ArtifactFolders.Of(paths, new RunId(Guid.Parse(r.Id))), "*", SearchOption.AllDirectories)).Order().ToList();
        var bytes = doomedFolders.Sum(ArtifactFolders.Bytes);
        await s.OpenAsync($"sweeps/{doomed}");
        await page.ClickAsync("#delete-sweep");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync($"its {doomedRuns.Count} runs");
        await Assertions.Expect(dialog).ToContainTextAsync(HierCore.Lab.Components.Shared.Fmt.Bytes(bytes));
        await s.ShotAsync("delete-confirmation");
        await dialog.GetByText("Delete", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/sweeps/"));
        Assert.All(doomedFolders, f => Assert.False(Directory.Exists(f), f));
        Assert.Equal(keptRuns.Count, (await http.RunsAsync(kept)).Count);
        Assert.Equal(keptFiles, keptRuns.SelectMany(r => Directory.GetFiles(ArtifactFolders.Of(paths, new RunId(Guid.Parse(r.Id))), "*", SearchOption.AllDirectories)).Order().ToList());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"/api/sweeps/{doomed}")).StatusCode);
        Assert.Empty(s.Console);
    }
}
