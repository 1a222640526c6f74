using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace HierCore.Cli.Bench;

/// <summary>Latency of one endpoint under load.</summary>
public sealed record EndpointLoad(string Endpoint, int Requests, int Errors, double P50Ms, double P95Ms, double MaxMs, double PerSecond, string? FirstError);

public sealed record LoadReport(string Url, int Clients, double Seconds, int RunsSeen, int SweepsSeen, IReadOnlyList<EndpointLoad> Endpoints);

/// <summary>
/// Drives N concurrent HTTP clients against a running Lab for a fixed time: the Runs page, the Compare page and the
/// JSON API, each client cycling through them. Talks HTTP only (the CLI does not reference the Lab), and only to
/// a loopback address, so it can never load someone else's server. Reads only; the Lab's data is not changed.
/// </summary>
public static class LoadBench
{
    public static void RequireLoopback(Uri url)
    {
        var host = url.Host.Trim('[', ']');
        var loopback = host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new ArgumentException($"--url: the load bench only talks to 127.0.0.1 / localhost (got '{url.Host}').");
    }

    public static async Task<LoadReport> RunAsync(Uri url, int clients, TimeSpan duration, Action<string> log, CancellationToken ct)
    {
        RequireLoopback(url);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

        var (runs, sweeps) = await DiscoverAsync(http, ct);
        if (runs.Count == 0 || sweeps.Count == 0)
            throw new InvalidOperationException($"{url} lists no runs: start the Lab with LoadTest:SeedRuns=2000 on a scratch data folder first.");
        log($"{runs.Count} runs in {sweeps.Count} sweeps; {clients} clients for {duration.TotalSeconds:F0} s…");

        var targets = new (string Name, Func<Random, string> Path)[]
        {
            ("Runs page", r => r.Next(3) switch { 0 => "/runs", 1 => $"/runs?page={r.Next(20)}&sort=headline&desc=true", _ => $"/runs?sweep={Pick(sweeps, r)}" }),
            ("Compare page", r => $"/compare?sweep={Pick(sweeps, r)}"),
            ("API runs list", r => $"/api/runs?size=100&page={r.Next(20)}"),
            ("API run detail", r => $"/api/runs/{Pick(runs, r)}"),
            ("API results.csv", r => $"/api/sweeps/{Pick(sweeps, r)}/results.csv"),
            ("API compare.md", r => $"/api/sweeps/{Pick(sweeps, r)}/compare.md"),
        };
        var samples = targets.Select(_ => new List<(double Ms, bool Ok)>()).ToArray();
        var firstErrors = new string?[targets.Length];
        var clock = Stopwatch.StartNew();

        async Task Client(int index)
        {
            var rng = new Random(index);
            for (var i = index; clock.Elapsed < duration && !ct.IsCancellationRequested; i++)
            {
                var t = i % targets.Length;
                var path = targets[t].Path(rng);
                var start = Stopwatch.GetTimestamp();
                bool ok;
                string? error = null;
                try
                {
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    ok = response.IsSuccessStatusCode;
                    if (!ok) error = $"{(int)response.StatusCode} on {path}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    ok = false;
                    error = $"{e.GetType().Name} on {path}: {e.Message}";
                }
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (samples[t])
                {
                    samples[t].Add((ms, ok));
                    if (error is not null) firstErrors[t] ??= error;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(i), ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        var endpoints = targets.Select((t, i) =>
        {
            var ms = samples[i].Select(s => s.Ms).Order().ToArray();
            return new EndpointLoad(t.Name, ms.Length, samples[i].Count(s => !s.Ok), Percentile(ms, 0.50), Percentile(ms, 0.95),
                ms.Length == 0 ? double.NaN : ms[^1], ms.Length / seconds, firstErrors[i]);
        }).ToList();
        return new LoadReport(url.ToString(), clients, seconds, runs.Count, sweeps.Count, endpoints);
    }

    /// <summary>Nearest-rank percentile of sorted values (p in (0, 1]).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Pick(IReadOnlyList<string> items, Random rng) => items[rng.Next(items.Count)];

    /// <summary>Up to 2,000 run ids and their sweeps, through the API (pages of 1,000).</summary>
    private static async Task<(List<string> Runs, List<string> Sweeps)> DiscoverAsync(HttpClient http, CancellationToken ct)
    {
        var runs = new List<string>();
        var sweeps = new HashSet<string>();
        for (var page = 0; page < 2; page++)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/runs?size=1000&page={page}", ct));
            var batch = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
            foreach (var r in batch)
            {
                runs.Add(r.GetProperty("id").GetString()!);
                sweeps.Add(r.GetProperty("sweep").GetString()!);
            }
            if (batch.Count < 1000) break;
        }
        return (runs, sweeps.ToList());
    }
}
