using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>
/// A Lab on Kestrel plus headless Debian chromium through Playwright, for browser tests: open a page once the
/// Blazor circuit is live, take full-page screenshots into the test output's screenshots/ folder, and collect
/// console errors (written to screenshots/&lt;name&gt;-console.log on dispose).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly WebApplicationFactory<Program> _app;
    /// <summary>The fake-engine Lab (sessions started with settings); the real-engine one is <see cref="App"/>.</summary>
    public LabFactory Lab => _app as LabFactory ?? throw new InvalidOperationException("This session runs the real engine: use App.");
    public WebApplicationFactory<Program> App => _app;
    public string BaseUrl { get; }
    public IPage Page { get; private set; } = default!;
    public List<string> Console { get; } = [];
    private readonly string _name;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserSession(string name, WebApplicationFactory<Program> app)
    {
        _name = name;
        _app = app;
        app.UseKestrel(0);
        app.StartServer();
        BaseUrl = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(Shots);
    }

    private static LabFactory Fake(IReadOnlyDictionary<string, string>? settings)
    {
        var lab = new LabFactory();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) lab.Settings[key] = value;
        return lab;
    }

    public static Task<BrowserSession> StartAsync(string name, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(name, Fake(settings));

    /// <summary>A session over any Lab factory (the real-engine one, for pages that need fitted models); disposed with the session.</summary>
    public static async Task<BrowserSession> StartAsync(string name, WebApplicationFactory<Program> app)
    {
        var s = new BrowserSession(name, app);
        s._playwright = await Playwright.CreateAsync();
        s._browser = await s._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var context = await s._browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        s.Page = await context.NewPageAsync();
        s.Page.Console += (_, m) => { if (m.Type == "error") s.Console.Add($"{m.Type}: {m.Text}"); };
        s.Page.PageError += (_, e) => s.Console.Add($"pageerror: {e}");
        return s;
    }

    /// <summary>Opens a page of the Lab (path relative to its root) and waits until clicks reach the server.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync($"{BaseUrl}/{path.TrimStart('/')}");
        await InteractiveAsync();
    }

    public Task InteractiveAsync() =>
        Page.WaitForSelectorAsync("#circuit-state[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public Task ShotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        File.WriteAllLines(Path.Combine(Shots, _name + "-console.log"), Console);
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
