using System.Net.Http.Json;
using HierCore.Lab.Jobs;
using Microsoft.AspNetCore.Components.Server;
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
        // A closed tab's circuit is disposed at once when the browser says goodbye, else after the retention period
        // (a dropped connection may come back): keep that short, so both ways end within the test. JS calls still in
        // flight when a tab closes (a chart loading Plotly) fail after the call timeout: short too, so they fail while
        // the test still watches the log.
        await using var s = await BrowserSession.StartAsync("closed-tabs", configure: lab => lab.TestServices = services =>
            services.Configure<CircuitOptions>(o => { o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(1); o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(2); }));
        s.Lab.Runner.StepDelay = TimeSpan.FromMilliseconds(250);
        TinyDataset.Write(Path.Combine(s.Lab.DataDirectory, "datasets"), "demo", FakeExperimentRunner.Classes);
        using var http = new HttpClient { BaseAddress = new Uri(s.BaseUrl) };
        var (sweep, count) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = ["demo"], Methods = ["patchcore", "hiercore"], Scenarios = ["S1", "S2"], Seeds = [0, 1, 2, 3],
        });
        var notifications = s.Lab.Services.GetRequiredService<RunNotifications>();
        try { await CloseTabsWhileTheSweepRunsAsync(s, http, sweep, count, notifications); }
        catch (Exception e) { File.WriteAllText(Path.Combine(BrowserSession.Shots, "closed-tabs-failure.txt"), e.ToString()); throw; }
        finally
        {
            File.WriteAllLines(Path.Combine(BrowserSession.Shots, "closed-tabs-host.log"), s.Lab.Logs.AtLeast(LogLevel.Warning).Select(e => e.ToString()));
        }
        var errors = s.Lab.Logs.AtLeast(LogLevel.Error);
        Assert.True(errors.Count == 0, "Errors logged after closing tabs:\n" + string.Join("\n", errors));
    }

    private static async Task CloseTabsWhileTheSweepRunsAsync(BrowserSession s, HttpClient http, HierCore.Lab.Data.SweepId sweep, int count, RunNotifications notifications)
    {
        int onSuccess = 0, onUpdate = 0, whileLoading = 0;
        while ((await http.RunsAsync(sweep)) is var runs && !LabClient.AllFinal(runs))
        {
            // Compare closed as soon as it is interactive: its Plotly charts are still loading the script and plotting.
            var loadingTab = await s.NewTabAsync();
            await OpenAsync(loadingTab, $"{s.BaseUrl}/compare?sweep={sweep}");
            await loadingTab.CloseAsync();
            whileLoading++;

            // A run page on a running run (live progress), closed the moment the run succeeds (its ROC chart is being created).
            var running = runs.FirstOrDefault(r => r.Status == "Running");
            var runTab = await s.NewTabAsync();
            var compareTab = await s.NewTabAsync();
            if (running.Id is not null) await OpenAsync(runTab, $"{s.BaseUrl}/runs/{running.Id}");
            await OpenAsync(compareTab, $"{s.BaseUrl}/compare?sweep={sweep}");
            var status = await compareTab.Locator("#compare-status").InnerTextAsync();
            if (running.Id is not null)
            {
                await runTab.Locator(".status-chip[data-status=Succeeded]").WaitForAsync(new() { Timeout = 30_000 });
                onSuccess++;
            }
            await runTab.CloseAsync();
            // Compare re-creates its charts when a run finishes: close its browser context as soon as the status line moves.
            if (!status.Contains("(0 still"))
            {
                await Assertions.Expect(compareTab.Locator("#compare-status")).Not.ToHaveTextAsync(status, new() { Timeout = 30_000 });
                onUpdate++;
            }
            await compareTab.Context.CloseAsync();
        }
        Assert.Equal(count, (await http.RunsAsync(sweep)).Count(r => r.Status == "Succeeded"));
        Assert.True(onSuccess > 0 && onUpdate > 0 && whileLoading > 0,
            $"tabs closed: {onSuccess} on a run's success, {onUpdate} on a Compare update, {whileLoading} while loading");

        // The page is gone once its circuit is disposed: its live components have unsubscribed (only the main tab stays).
        await s.Page.CloseAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (notifications.SubscriberCount > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, notifications.SubscriberCount);
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#circuit-state[data-interactive=true]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }
}
