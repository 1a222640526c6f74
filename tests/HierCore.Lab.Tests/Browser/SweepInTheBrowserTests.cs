using HierCore.Lab.Tests.Fakes;
using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>
/// The whole path in a real browser (Debian's chromium through Playwright): form → queue → worker → live runs
/// table → Compare → the share link in a fresh browser context shows the same table. Screenshots of every page
/// go to the test output folder (screenshots/).
/// </summary>
[Collection(Integration.LabCollection.Name)]
public sealed class SweepInTheBrowserTests
{
    internal static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task A_sweep_made_in_the_form_completes_live_and_its_compare_link_reproduces_the_view()
    {
        await using var lab = new LabFactory();
        lab.UseKestrel(0);
        lab.StartServer();
        lab.Runner.StepDelay = TimeSpan.FromMilliseconds(30);
        TinyDataset.Write(Path.Combine(lab.DataDirectory, "datasets"), "demo", ["disc", "grid", "stripes"]);
        var baseUrl = lab.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(Shots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => console.Add($"pageerror: {e}");
        page.RequestFailed += (_, r) => console.Add($"requestfailed: {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Url.Contains("plotly") || r.Status >= 400) console.Add($"response: {r.Status} {r.Url}"); };
        using var _ = new ConsoleDump(console, Path.Combine(Shots, "console.log"));

        // The form: 3 methods × 4 scenarios × 2 seeds, minus PatchCore-OC in S3/S4 → 20 runs.
        await OpenAsync(page, $"{baseUrl}/sweeps/new");
        await page.FillAsync("#sweep-seeds", "0, 1");
        await page.Locator("#sweep-seeds").PressAsync("Tab");
        await Assertions.Expect(page.Locator("#run-count")).ToHaveTextAsync("20");
        await Assertions.Expect(page.Locator("#not-applicable")).ToContainTextAsync("PatchCore-OC × S3");
        await Shot(page, "new-sweep");
        await page.ClickAsync("#submit-sweep");

        // Runs page follows the worker without a reload.
        await page.WaitForURLAsync(url => url.Contains("/runs?sweep="));
        var sweepId = new Uri(page.Url).Query.Split('=')[1].Split('&')[0];
        await InteractiveAsync(page);
        await page.Locator(".status-chip[data-status=Running]").First.WaitForAsync(new() { Timeout = 30_000 });
        await Shot(page, "runs-live");
        await Assertions.Expect(page.Locator(".status-chip[data-status=Succeeded]")).ToHaveCountAsync(20, new() { Timeout = 90_000 });
        await Shot(page, "runs");

        await page.Locator("#runs-grid a.mono").First.ClickAsync();
        await page.WaitForSelectorAsync("#run-summary");
        await page.WaitForSelectorAsync("#roc-chart .main-svg", new() { Timeout = 20_000 });
        await Shot(page, "run");

        await OpenAsync(page, $"{baseUrl}/runs");
        await page.ClickAsync("text=Compare");
        await page.WaitForURLAsync(url => url.Contains("/compare"));
        await page.WaitForSelectorAsync("#compare-matrix");
        await InteractiveAsync(page);
        await page.WaitForSelectorAsync("#bar-chart .main-svg", new() { Timeout = 20_000 });
        // A chart option changed in the page goes into the URL.
        await page.GetByText("Heat map").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("heatmap=off"));
        await Assertions.Expect(page.Locator("#compare-matrix")).ToContainTextAsync("n/a");
        var matrix = await page.InnerTextAsync("#compare-matrix");
        var classes = await page.InnerTextAsync("#class-matrix");
        await page.WaitForSelectorAsync("#bar-chart .main-svg", new() { Timeout = 20_000 });
        await Shot(page, "compare");
        var shareUrl = page.Url;

        // A colleague opens the link in a fresh browser context: same table, same options.
        var fresh = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var other = await fresh.NewPageAsync();
        await OpenAsync(other, shareUrl);
        await other.WaitForSelectorAsync("#compare-matrix");
        Assert.Equal(matrix, await other.InnerTextAsync("#compare-matrix"));
        Assert.Equal(classes, await other.InnerTextAsync("#class-matrix"));
        Assert.Equal(0, await other.Locator("#heat-map").CountAsync());
        await other.WaitForSelectorAsync("#bar-chart .main-svg", new() { Timeout = 20_000 });
        await Shot(other, "compare-shared");
        await other.GotoAsync(shareUrl.Replace("heatmap=off", "heatmap=on"));
        await other.WaitForSelectorAsync("#heat-map .main-svg", new() { Timeout = 20_000 });
        await Shot(other, "compare-heatmap");

        // The runs table from a link: filter and sort come from the query string.
        await OpenAsync(other, $"{baseUrl}/runs?sweep={sweepId}&method=hiercore&sort=headline&desc=true");
        await Assertions.Expect(other.Locator(".status-chip")).ToHaveCountAsync(8);
        var cells = await other.Locator("#runs-grid tbody tr td.method").AllInnerTextsAsync();
        Assert.All(cells, c => Assert.Equal("HierCore", c.Trim()));
        var headlines = (await other.Locator("#runs-grid tbody tr td.num").AllInnerTextsAsync())
            .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(headlines.OrderByDescending(h => h), headlines);

        await OpenAsync(page, $"{baseUrl}/");
        await Shot(page, "home");
        await OpenAsync(page, $"{baseUrl}/datasets");
        await page.WaitForSelectorAsync("img.thumb");
        await Shot(page, "datasets");
    }

    internal static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        // Clicks on a prerendered page are lost: wait until the circuit is live.
        await InteractiveAsync(page);
    }

    internal static Task InteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#circuit-state[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    internal sealed class ConsoleDump(List<string> lines, string path) : IDisposable
    {
        public void Dispose() => File.WriteAllLines(path, lines);
    }

    internal static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
}
