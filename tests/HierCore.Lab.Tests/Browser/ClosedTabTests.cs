using System.Net.Http.Json;
using HierCore.Lab.Jobs;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>
/// Closing a tab ends its circuit; that is normal and must not be logged as an error (issue #10 item 9). The tabs
/// are closed while the pages update: a run page following a running run (progress, then its ROC chart appears)
/// and Compare re-creating its Plotly charts as runs finish.
/// </summary>
[Collection(Integration.LabCollection.Name)]
public sealed class ClosedTabTests
{
    [BrowserFact]
    public async Task Tabs_closed_while_charts_and_progress_update_log_no_error()
    {
        await using var s = await BrowserSession.StartAsync("closed-tabs");
        s.Lab.Runner.StepDelay = TimeSpan.FromMilliseconds(60);
        TinyDataset.Write(Path.Combine(s.Lab.DataDirectory, "datasets"), "demo", FakeExperimentRunner.Classes);
        using var http = new HttpClient { BaseAddress = new Uri(s.BaseUrl) };
        var (sweep, count) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = ["demo"], Methods = ["patchcore", "hiercore"], Scenarios = ["S1", "S2"], Seeds = [0, 1, 2],
        });
        var notifications = s.Lab.Services.GetRequiredService<RunNotifications>();

        var closed = 0;
        while ((await http.RunsAsync(sweep)) is var runs && !LabClient.AllFinal(runs))
        {
            // A run page on a running run: close it the moment the run succeeds (its ROC chart is being created).
            var running = runs.FirstOrDefault(r => r.Status == "Running");
            var runTab = await s.NewTabAsync();
            var compareTab = await s.NewTabAsync();
            if (running.Id is not null) await OpenAsync(runTab, $"{s.BaseUrl}/runs/{running.Id}");
            await OpenAsync(compareTab, $"{s.BaseUrl}/compare?sweep={sweep}");
            var status = await compareTab.Locator("#compare-status").InnerTextAsync();
            if (running.Id is not null)
                await runTab.Locator(".status-chip[data-status=Succeeded]").WaitForAsync(new() { Timeout = 30_000 });
            await runTab.CloseAsync();
            // Compare re-creates its charts when a run finishes: close it as soon as the status line moves.
            if (!status.Contains("(0 still"))
                await Assertions.Expect(compareTab.Locator("#compare-status")).Not.ToHaveTextAsync(status, new() { Timeout = 30_000 });
            await compareTab.Context.CloseAsync();
            closed += 2;
        }
        Assert.Equal(count, (await http.RunsAsync(sweep)).Count(r => r.Status == "Succeeded"));
        Assert.True(closed >= 4, $"only {closed} tabs were closed while the sweep ran");

        // The page is gone once its circuit is disposed: its live components have unsubscribed (only the main tab stays).
        await s.Page.CloseAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (notifications.SubscriberCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, notifications.SubscriberCount);

        var errors = s.Lab.Logs.AtLeast(LogLevel.Error);
        Assert.True(errors.Count == 0, "Errors logged after closing tabs:\n" + string.Join("\n", errors));
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#circuit-state[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }
}
