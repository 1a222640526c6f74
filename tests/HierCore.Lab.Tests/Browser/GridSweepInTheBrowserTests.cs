using HierCore.Lab.Tests.Fakes;
using Microsoft.Playwright;
using static HierCore.Lab.Tests.Browser.SweepInTheBrowserTests;

namespace HierCore.Lab.Tests.Browser;

/// <summary>
/// Issue 13 in a real browser: a grid sweep built in the form, Compare pivoted by a setting with the
/// parallel-coordinates chart, a run diff picked on the Runs page, and both views reopened from their share links
/// in a fresh browser context. Screenshots go to screenshots/ (grid-*.png).
/// </summary>
[Collection(Integration.LabCollection.Name)]
public sealed class GridSweepInTheBrowserTests
{
    [BrowserFact]
    public async Task A_grid_sweep_from_the_form_pivots_by_a_setting_and_its_diff_and_compare_links_reproduce()
    {
        await using var lab = new LabFactory();
        lab.UseKestrel(0);
        lab.StartServer();
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(10);
        TinyDataset.Write(Path.Combine(lab.DataDirectory, "datasets"), "demo", ["disc", "grid", "stripes"]);
        var baseUrl = lab.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(Shots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium, Headless = true,
            // Parallel coordinates draw their lines with WebGL: software GL (SwiftShader) instead of --disable-gpu.
            Args = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        // 1280 px: the width the tables must fit without hiding a column.
        var viewport = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };
        var page = await (await browser.NewContextAsync(viewport)).NewPageAsync();
        var console = new List<string>();
        page.PageError += (_, e) => console.Add($"pageerror: {e}");
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        using var _ = new ConsoleDump(console, Path.Combine(Shots, "grid-console.log"));

        // The form: hiercore × S1, S4 × seed 0 × coreset ratio {0.01, 0.02} × criterion {leave-image-out, folds:3} = 8 runs.
        await OpenAsync(page, $"{baseUrl}/sweeps/new");
        foreach (var m in new[] { "patchcore", "patchcore-oc" }) await page.Locator($"input[data-method={m}]").ClickAsync(new() { Force = true });
        foreach (var s in new[] { "S2", "S3" }) await page.Locator($"input[data-scenario={s}]").ClickAsync(new() { Force = true });
        await page.FillAsync("#setting-coreset_ratio", "0.01, 0.02");
        await page.FillAsync("#setting-criterion", "leave-image-out, folds:3");
        await page.Locator("#setting-criterion").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#run-count")).ToHaveTextAsync("8");
        await Assertions.Expect(page.Locator("#grid-axes")).ToContainTextAsync("coreset_ratio {0.01, 0.02} × criterion {leave-image-out, folds:3}");
        // A bad value is named in its own field before anything is queued.
        await page.FillAsync("#setting-lambda", "3, x");
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error").First).ToContainTextAsync("'x' is not a number");
        await page.FillAsync("#setting-lambda", "3");
        await page.Locator("#setting-lambda").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#run-count")).ToHaveTextAsync("8");
        await Shot(page, "grid-new-sweep");
        await page.ClickAsync("#submit-sweep");

        await page.WaitForURLAsync(url => url.Contains("/runs?sweep="));
        var sweepId = new Uri(page.Url).Query.Split('=')[1].Split('&')[0];
        await InteractiveAsync(page);
        await Assertions.Expect(page.Locator(".status-chip[data-status=Succeeded]")).ToHaveCountAsync(8, new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#sweep-command")).ToContainTextAsync("--grid coreset-ratio=0.01,0.02 --grid criterion=leave-image-out,folds:3");
        await Shot(page, "grid-runs");
        // The Headline column is on screen at 1280 px.
        var headline = await page.Locator("#runs-grid th:has-text('Headline')").BoundingBoxAsync();
        Assert.NotNull(headline);
        Assert.True(headline.X + headline.Width <= 1280, $"Headline column ends at {headline.X + headline.Width} px");

        // Compare, pivoted by a setting: the pivot is in the URL, and the page's Rows choice shows it.
        await OpenAsync(page, $"{baseUrl}/compare?sweep={sweepId}&rows=criterion&cols=scenario&x=coreset_ratio");
        Assert.Equal("criterion", await page.InputValueAsync("#compare-rows"));
        await Assertions.Expect(page.Locator("#pivot-table")).ToContainTextAsync("folds:3");
        await page.WaitForSelectorAsync("#bar-chart .main-svg", new() { Timeout = 20_000 });
        await Shot(page, "grid-compare-early");
        await Assertions.Expect(page.Locator("#pivot-table")).ToContainTextAsync("folds:3");
        await page.WaitForSelectorAsync("#parcoords-chart .main-svg", new() { Timeout = 20_000 });
        await page.WaitForSelectorAsync("#setting-chart .main-svg", new() { Timeout = 20_000 });
        // One axis per dimension the sweep varies (its two scenarios, then the grid settings), then the metric.
        var axes = (await page.Locator("#parcoords-chart .axis-title").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["scenario", "coreset_ratio", "criterion", "Headline"], axes);
        var pivot = await page.InnerTextAsync("#pivot-table");
        await Shot(page, "grid-compare");
        var compareUrl = page.Url;

        // Run diff: tick two runs on the Runs page.
        await OpenAsync(page, $"{baseUrl}/runs?sweep={sweepId}");
        var boxes = page.Locator("#runs-grid tbody tr input[type=checkbox]");
        await Assertions.Expect(boxes).ToHaveCountAsync(8, new() { Timeout = 20_000 });
        await boxes.Nth(0).ClickAsync(new() { Force = true });
        await boxes.Nth(1).ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator("#diff-selected")).ToContainTextAsync("2 runs");
        await page.ClickAsync("#diff-selected");
        await page.WaitForURLAsync(url => url.Contains("/diff?runs="));
        await page.WaitForSelectorAsync("#diff-settings");
        await Assertions.Expect(page.Locator("#diff-settings tr.diff-row")).Not.ToHaveCountAsync(0);
        await page.WaitForSelectorAsync("#diff-scores .main-svg", new() { Timeout = 20_000 });
        var settings = await page.InnerTextAsync("#diff-settings");
        var metrics = await page.InnerTextAsync("#diff-metrics");
        await Shot(page, "grid-diff");
        var diffUrl = page.Url;

        // A colleague opens both links in a fresh context: the same views.
        var other = await (await browser.NewContextAsync(viewport)).NewPageAsync();
        await OpenAsync(other, compareUrl);
        await other.WaitForSelectorAsync("#pivot-table");
        Assert.Equal(pivot, await other.InnerTextAsync("#pivot-table"));
        await other.WaitForSelectorAsync("#parcoords-chart .main-svg", new() { Timeout = 20_000 });
        await Shot(other, "grid-compare-shared");
        await OpenAsync(other, diffUrl);
        await other.WaitForSelectorAsync("#diff-settings");
        Assert.Equal(settings, await other.InnerTextAsync("#diff-settings"));
        Assert.Equal(metrics, await other.InnerTextAsync("#diff-metrics"));
        await other.WaitForSelectorAsync("#diff-scores .main-svg", new() { Timeout = 20_000 });
        await Shot(other, "grid-diff-shared");

        // The run page shows the command that reproduces it.
        await OpenAsync(other, $"{baseUrl}/runs/{new Uri(diffUrl).Query.Split('=')[1].Split(',')[0]}");
        await Assertions.Expect(other.Locator("#run-command")).ToContainTextAsync("hiercore run --dataset demo --method hiercore");
        await Shot(other, "grid-run");
        Assert.DoesNotContain(console, l => l.StartsWith("pageerror"));
    }
}
