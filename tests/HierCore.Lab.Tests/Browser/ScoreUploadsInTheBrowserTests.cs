using System.Globalization;
using HierCore.Engine.Models;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using HierCore.Lab.Tests.RealEngine;
using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>On a real run's page, uploaded images are scored by its model: the table shows the run's own numbers and maps.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class ScoreUploadsInTheBrowserTests
{
    [BrowserFact]
    public async Task Uploaded_test_images_show_the_runs_scores_verdicts_and_maps_and_too_many_files_are_refused()
    {
        var real = new RealLabFactory();
        await using var s = await BrowserSession.StartAsync("score-uploads", real);
        var http = real.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = ["demo"], Methods = ["hiercore"], Scenarios = ["S2"], Seeds = [11],
        }.Set("coreset_ratio", 0.05));
        var run = (await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(240))).Single();
        Assert.Equal("Succeeded", run.Status);
        var inputs = ModelPredictor.Inputs(Path.Combine(real.DatasetsDirectory, "demo"), null);
        var rows = (await http.GetStringAsync($"/api/runs/{run.Id}/scores.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(c => c[1]);
        var good = inputs.First(i => i.Id.Contains("/good/"));
        var defect = inputs.Last(i => !i.Id.Contains("/good/"));
        var page = s.Page;

        await s.OpenAsync($"runs/{run.Id}");
        // MudFileUpload hides the input of a past selection and adds a fresh one: the visible one takes the next.
        var input = page.Locator("#score-uploads input[type=file]:not(.d-none)");
        await input.SetInputFilesAsync(inputs.Take(9).Select(i => i.Path));
        await Assertions.Expect(page.Locator("#score-error")).ToContainTextAsync("Too many files: 9 chosen, at most 8", new() { Timeout = 30_000 });

        // The browser names both files the same (000.png); their rows come back in the order chosen.
        await input.SetInputFilesAsync([good.Path, defect.Path]);
        await Assertions.Expect(page.Locator("#score-run")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.ClickAsync("#score-run");
        await Assertions.Expect(page.Locator("tr.score-row")).ToHaveCountAsync(2, new() { Timeout = 120_000 });
        foreach (var (row, image) in new[] { (0, good), (1, defect) })
        {
            var expected = rows[image.Id];
            var score = double.Parse(expected[3], CultureInfo.InvariantCulture);
            var cells = page.Locator("tr.score-row").Nth(row);
            await Assertions.Expect(cells.Locator(".score-raw")).ToHaveTextAsync(score.ToString("F4", CultureInfo.InvariantCulture));
            await Assertions.Expect(cells.Locator("td").Nth(1)).ToHaveTextAsync(expected[5]);
            Assert.True(await cells.Locator("img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
        }
        await Assertions.Expect(page.Locator(".score-verdict")).ToHaveCountAsync(2);
        await page.Locator("#score-uploads").ScrollIntoViewIfNeededAsync();
        await s.ShotAsync("score-uploads");
        Assert.Empty(s.Console);
    }
}
