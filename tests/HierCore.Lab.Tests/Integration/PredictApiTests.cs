using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;

namespace HierCore.Lab.Tests.Integration;

/// <summary>
/// POST /api/runs/{id}/predict refuses what it cannot score, with a message naming the problem (the scores themselves
/// are checked against a real run in RealEngine/PredictUploadTests).
/// </summary>
[Collection(LabCollection.Name)]
public sealed class PredictApiTests(LabFactory lab)
{
    /// <summary>A multipart body of named files (bytes need not be an image for the checks before decoding).</summary>
    internal static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "files", name);
        }
        return form;
    }

    internal static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("error", out var e) ? e.GetString()! : doc.RootElement.GetProperty("errors")[0].GetString()!;
    }

    [Fact]
    public async Task Unknown_or_malformed_run_ids_are_refused_before_any_scoring()
    {
        var http = lab.CreateClient();
        var unknown = Guid.NewGuid();
        var missing = await http.PostAsync($"/api/runs/{unknown}/predict", Files(("a.png", [1, 2, 3])));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(unknown.ToString(), await ErrorAsync(missing));
        var malformed = await http.PostAsync("/api/runs/not-a-run/predict", Files(("a.png", [1, 2, 3])));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not a run id", await ErrorAsync(malformed));
        var notMultipart = await http.PostAsync($"/api/runs/{unknown}/predict", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Contains("multipart/form-data", await ErrorAsync(notMultipart));
    }

    [Fact]
    public async Task A_run_without_a_model_too_many_files_an_empty_selection_and_a_too_large_file_are_refused_by_name()
    {
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest { Methods = ["patchcore"], Scenarios = ["S2"], Seeds = [9101] });
        var run = (await http.WaitForRunsAsync(sweep, LabClient.AllFinal)).Single();
        Assert.Equal("Succeeded", run.Status);

        // The fake engine keeps no model: the run exists but cannot score.
        var noModel = await http.PostAsync($"/api/runs/{run.Id}/predict", Files(("a.png", [1, 2, 3])));
        Assert.Equal(HttpStatusCode.Conflict, noModel.StatusCode);
        Assert.Contains("kept no fitted model", await ErrorAsync(noModel));

        var nine = Enumerable.Range(0, 9).Select(i => ($"img{i}.png", new byte[] { 1 })).ToArray();
        var tooMany = await http.PostAsync($"/api/runs/{run.Id}/predict", Files(nine));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Too many files: 9 given, at most 8", await ErrorAsync(tooMany));

        var none = await http.PostAsync($"/api/runs/{run.Id}/predict", new MultipartFormDataContent { { new StringContent("x"), "comment" } });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("No image given", await ErrorAsync(none));

        var big = new byte[10 * 1024 * 1024 + 1];
        var tooLarge = await http.PostAsync($"/api/runs/{run.Id}/predict", Files(("small.png", [1]), ("huge-scan.png", big)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("'huge-scan.png' is too large", await ErrorAsync(tooLarge));
    }

    [Fact]
    public async Task Scoring_requests_past_the_per_minute_limit_get_429_with_retry_after()
    {
        await using var app = lab.WithWebHostBuilder(b => b.UseSetting("Lab:PredictRequestsPerMinute", "2"));
        var http = app.CreateClient();
        var url = $"/api/runs/{Guid.NewGuid()}/predict";
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(url, Files(("a.png", [1])))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(url, Files(("a.png", [1])))).StatusCode);
        var limited = await http.PostAsync(url, Files(("a.png", [1])));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("Too many scoring requests", await ErrorAsync(limited));
        // Other endpoints are not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/runs")).StatusCode);
    }
}
