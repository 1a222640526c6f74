using System.Net.Http.Json;
using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Demo;
using HierCore.Engine.Datasets;
using HierCore.Lab.Data;
using HierCore.Lab.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>
/// What both crash tests share: a tiny real dataset (the engine runs for real, so a run lasts long enough to be
/// killed in the middle), a sweep of 8 runs submitted through the API, and the checks on the database afterwards.
/// </summary>
public sealed class CrashScenario : IDisposable
{
    public const string Dataset = "tiny";
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "hiercore-scaleout", Guid.NewGuid().ToString("N")[..12]);
    public string DataDirectory => Path.Combine(Directory, "data");

    public CrashScenario() => WriteDataset(DataDirectory);

    /// <summary>The data folder of a process that shares none with the others (its own copy of the dataset only).</summary>
    public string OwnDataDirectory(string process) => Path.Combine(Directory, process, "data");

    /// <summary>The same tiny dataset wherever it is written (fixed seed), as each machine would hold its own copy.</summary>
    private static void WriteDataset(string dataDirectory)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        DemoDatasetGenerator.Generate(Path.Combine(dataDirectory, "datasets", Dataset), 0,
            new DemoSize(ImageSize: 128, Train: 6, TestGood: 2, TestDefective: 3, Classes: ["stripes", "disc", "noise"]));
    }

    /// <summary>
    /// Short heartbeats and stale checks, so a lost worker is noticed in seconds rather than half a minute. With
    /// <paramref name="ownDataFolder"/> the process gets a data folder of its own (no shared files between machines).
    /// </summary>
    public Dictionary<string, string> Settings(string role, string provider, string? connectionString, string? ownDataFolder = null)
    {
        var data = DataDirectory;
        if (ownDataFolder is not null) WriteDataset(data = OwnDataDirectory(ownDataFolder));
        return SettingsFor(role, provider, connectionString, data);
    }

    private static Dictionary<string, string> SettingsFor(string role, string provider, string? connectionString, string dataDirectory) => new()
    {
        ["Roles"] = role,
        ["Lab__DataDirectory"] = dataDirectory,
        ["Database__Provider"] = provider,
        ["Database__ConnectionString"] = connectionString ?? "",
        ["Hangfire__Storage"] = provider,
        ["Hangfire__QueuePollSeconds"] = "0.5",
        ["Worker__HeartbeatSeconds"] = "1",
        ["Worker__StaleAfterSeconds"] = "10",
        ["Worker__StaleCheckSeconds"] = "2",
        ["Worker__Concurrency"] = "1",
    };

    /// <summary>2 methods × 4 scenarios = 8 runs, every one applicable.</summary>
    public static async Task<string> SubmitSweepAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/sweeps", new
        {
            name = "scale-out crash test", dataset = Dataset, methods = new[] { "patchcore", "hiercore" },
            scenarios = new[] { "S1", "S2", "S3", "S4" }, seeds = new[] { 0 },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/sweeps: {(int)response.StatusCode} {body}");
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(8, doc.RootElement.GetProperty("runs").GetInt32());
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    public sealed record RunView(string Id, string Status, int Attempt, string? Worker, string? Error);

    public static async Task<List<RunView>> RunsAsync(HttpClient http, string sweep)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/runs?sweep={sweep}&size=100"));
        return doc.RootElement.GetProperty("runs").EnumerateArray().Select(r => new RunView(
            r.GetProperty("id").GetString()!, r.GetProperty("status").GetString()!, r.GetProperty("attempt").GetInt32(),
            r.GetProperty("worker").GetString(), r.GetProperty("error").GetString())).ToList();
    }

    /// <summary>The first run seen Running, polled every 100 ms (a run on the real engine lasts seconds).</summary>
    public static async Task<RunView> WaitForRunningAsync(HttpClient http, string sweep, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var running = (await RunsAsync(http, sweep)).FirstOrDefault(r => r.Status == "Running");
            if (running is not null) return running;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No run of sweep {sweep} started within {timeout}.");
    }

    public static async Task<List<RunView>> WaitAllFinalAsync(HttpClient http, string sweep, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<RunView> runs = [];
        while (DateTime.UtcNow < deadline)
        {
            runs = await RunsAsync(http, sweep);
            if (runs.All(r => r.Status is "Succeeded" or "Failed" or "Cancelled")) return runs;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Sweep {sweep} not finished within {timeout}: " +
            string.Join(", ", runs.Select(r => $"{r.Id[^6..]}={r.Status}/a{r.Attempt}")) + "\n" + diagnostics());
    }

    /// <summary>The database view of "nothing lost, nothing counted twice".</summary>
    public static async Task AssertExactlyOnceAsync(LabDbContext db, string sweep, string killedRun)
    {
        var sweepId = new SweepId(Guid.Parse(sweep));
        var runs = await db.Runs.AsNoTracking().Where(r => r.SweepId == sweepId).ToListAsync();
        Assert.Equal(8, runs.Count);
        Assert.All(runs, r => Assert.True(r.Status == RunStatus.Succeeded, $"run {r.Id.Short}: {r.Status} {r.Error}"));

        var killed = runs.Single(r => r.Id.Value == Guid.Parse(killedRun));
        Assert.Equal(2, killed.Attempt);
        Assert.All(runs.Where(r => r != killed), r => Assert.Equal(1, r.Attempt));

        var ids = runs.Select(r => r.Id).ToList();
        var log = await db.RunLog.AsNoTracking().Where(l => ids.Contains(l.RunId)).ToListAsync();
        foreach (var run in runs)
        {
            var successes = log.Count(l => l.RunId == run.Id && l.Message.Contains(" succeeded: "));
            Assert.True(successes == 1, $"run {run.Id.Short} stored a success {successes} times");
        }
        Assert.Contains(log, l => l.RunId == killed.Id && l.Message.Contains("stopped beating; attempt 2 queued"));
        Assert.Contains(log, l => l.RunId == killed.Id && l.Message.StartsWith("Attempt 2 succeeded"));

        // A whole result per run: image AUROC for the mean and for each of the three classes, each class exactly once.
        foreach (var run in runs)
        {
            Assert.NotNull(run.ResultJson);
            var result = LabJson.Deserialize<RunResult>(run.ResultJson!);
            Assert.Equal(["disc", "noise", "stripes"], result.PerClass.Select(c => c.Class).Order(StringComparer.Ordinal));
            Assert.True(double.IsFinite(result.MeanOverClasses.ImageAuroc), $"run {run.Id.Short}: mean image_auroc missing");
            Assert.Equal(result.Headline, run.Headline);
        }
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
