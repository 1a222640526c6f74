using System.Net.Http.Json;
using System.Text.Json;
using HierCore.Lab.Data;
using HierCore.Lab.Sweeps;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>Small helpers over the JSON API for integration tests.</summary>
public static class LabClient
{
    public static async Task<(SweepId Id, int Runs)> CreateSweepAsync(this HttpClient http, SweepRequest request)
    {
        var response = await http.PostAsJsonAsync("/api/sweeps", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/sweeps failed: {(int)response.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        return (new SweepId(Guid.Parse(doc.RootElement.GetProperty("id").GetString()!)), doc.RootElement.GetProperty("runs").GetInt32());
    }

    public static async Task<List<(string Id, string Status, int Attempt)>> RunsAsync(this HttpClient http, SweepId sweep)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/runs?sweep={sweep}"));
        return doc.RootElement.GetProperty("runs").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("status").GetString()!, r.GetProperty("attempt").GetInt32())).ToList();
    }

    /// <summary>Polls until every run of the sweep satisfies the condition (fails after the timeout with the last states).</summary>
    public static async Task<List<(string Id, string Status, int Attempt)>> WaitForRunsAsync(this HttpClient http, SweepId sweep,
        Func<List<(string Id, string Status, int Attempt)>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        List<(string Id, string Status, int Attempt)> runs;
        do
        {
            runs = await http.RunsAsync(sweep);
            if (done(runs)) return runs;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail("Runs did not reach the expected state: " + string.Join(", ", runs.Select(r => $"{r.Id[..8]}={r.Status}#{r.Attempt}")));
        return runs;
    }

    /// <summary>Polls one run until its reported phase satisfies the condition (fails after the timeout).</summary>
    public static async Task WaitForPhaseAsync(this HttpClient http, string runId, Func<string?, bool> reached, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? phase;
        do
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{runId}"));
            phase = doc.RootElement.GetProperty("phase").GetString();
            if (reached(phase)) return;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"Run {runId} did not reach the expected phase (last: {phase ?? "none"}).");
    }

    public static bool AllFinal(List<(string Id, string Status, int Attempt)> runs) =>
        runs.Count > 0 && runs.All(r => r.Status is nameof(RunStatus.Succeeded) or nameof(RunStatus.Failed) or nameof(RunStatus.Cancelled));
}
