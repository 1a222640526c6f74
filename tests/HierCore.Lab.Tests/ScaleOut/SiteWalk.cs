using System.Text.Json;
using HierCore.Engine.Contracts;
using HierCore.Lab.Reports;

namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>Every page and export of a finished sweep, fetched from a web process as a user and a script would.</summary>
public static class SiteWalk
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    public static async Task AssertEveryPageAndExportAsync(HttpClient http, string sweep, IReadOnlyList<string> runIds)
    {
        foreach (var page in new[] { "/", "/runs", $"/runs?sweep={sweep}", $"/compare?sweep={sweep}", "/sweeps/new", "/datasets" })
            await GetOkAsync(http, page);
        foreach (var id in runIds)
            // The ROC chart is drawn only from the run's scores.csv, read through the artifact store.
            Assert.Contains("roc-chart", await GetOkAsync(http, $"/runs/{id}"));

        var csv = await GetOkAsync(http, $"/api/sweeps/{sweep}/results.csv");
        Assert.True(csv.Trim().Split('\n').Length == runIds.Count + 1, $"results.csv: {runIds.Count} runs + header expected:\n{csv}");
        foreach (var format in CompareExport.Formats)
            Assert.NotEmpty((await GetOkAsync(http, $"/api/sweeps/{sweep}/compare.{format}")).Trim());

        foreach (var id in runIds)
        {
            using var run = JsonDocument.Parse(await GetOkAsync(http, $"/api/runs/{id}"));
            var artifacts = run.RootElement.GetProperty("artifacts").EnumerateArray().ToList();
            Assert.Contains(artifacts, a => a.GetProperty("kind").GetString() == "ScoresCsv");
            Assert.Contains(artifacts, a => a.GetProperty("kind").GetString() == "AnomalyMap");
            foreach (var a in artifacts)
            {
                var url = a.GetProperty("url").GetString()!;
                var response = await http.GetAsync(url);
                Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (a.GetProperty("kind").GetString() == "AnomalyMap")
                    Assert.True(bytes.AsSpan().StartsWith(PngMagic), $"{url} is not a PNG ({bytes.Length} bytes)");
                else
                    Assert.NotEmpty(ScoresCsv.Read(System.Text.Encoding.UTF8.GetString(bytes)));
            }
        }
    }

    private static async Task<string> GetOkAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}");
        return body;
    }
}
