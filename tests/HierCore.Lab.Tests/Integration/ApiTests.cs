using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Integration;

[Collection(LabCollection.Name)]
public sealed class ApiTests(LabFactory lab)
{
    [Fact]
    public async Task An_invalid_sweep_is_rejected_with_a_message_per_field()
    {
        var http = lab.CreateClient();
        var response = await http.PostAsJsonAsync("/api/sweeps", new
        {
            dataset = "no-such-set", methods = new[] { "patchcore", "magic" }, scenarios = new[] { "S9" }, seeds = Array.Empty<int>(), coresetRatio = 1.5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("Dataset:") && e.Contains("no-such-set"));
        Assert.Contains(errors, e => e.StartsWith("Methods:") && e.Contains("magic"));
        Assert.Contains(errors, e => e.StartsWith("Scenarios:") && e.Contains("S9"));
        Assert.Contains(errors, e => e.StartsWith("Seeds:"));
        Assert.Contains(errors, e => e.StartsWith("Coreset ratio:"));
    }

    [Theory]
    [InlineData("coreset_ratio", "max_runs_hint")]   // the API's own convention, as in result.json
    [InlineData("coresetRatio", "maxRunsHint")]      // camelCase (.NET web defaults) is still read
    public async Task Sweep_bodies_are_read_in_snake_case_and_camel_case(string ratioName, string unknownName)
    {
        var http = lab.CreateClient();
        var body = $$"""{"dataset": "demo", "methods": ["patchcore"], "scenarios": ["S2"], "seeds": [{{Random.Shared.Next(1000, 1_000_000)}}], "{{ratioName}}": 0.37, "routing": "top2"}""";
        // A name that is no setting is refused by name (a misspelt grid axis must not silently run the default).
        var typo = await http.PostAsync("/api/sweeps", new StringContent(body.Replace("\"routing\"", $"\"{unknownName}\": 1, \"routing\""), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains($"unknown setting '{unknownName}'", await typo.Content.ReadAsStringAsync());
        var response = await http.PostAsync("/api/sweeps", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var sweep = created.RootElement.GetProperty("id").GetString();
        using var runs = JsonDocument.Parse(await http.GetStringAsync($"/api/runs?sweep={sweep}"));
        var id = runs.RootElement.GetProperty("runs")[0].GetProperty("id").GetString();
        using var run = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{id}"));
        var spec = run.RootElement.GetProperty("spec");
        Assert.Equal(0.37, spec.GetProperty("coreset_ratio").GetDouble());
        Assert.Equal("top2", spec.GetProperty("routing").GetString());
        Assert.False(spec.TryGetProperty("coresetRatio", out _)); // written once, in snake_case
    }

    [Fact]
    public async Task Bounds_that_need_the_datasets_training_images_are_checked_at_submit()
    {
        // 3 training images per class, 9 in all: the engine would refuse these at load, one failed run per spec.
        TinyDataset.Write(Path.Combine(lab.DataDirectory, "datasets"), "bounds-tiny", FakeExperimentRunner.Classes);
        var http = lab.CreateClient();
        async Task<(HttpStatusCode Status, List<string> Errors)> Submit(object body)
        {
            var response = await http.PostAsJsonAsync("/api/sweeps", body);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (response.StatusCode, doc.RootElement.TryGetProperty("errors", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : []);
        }

        var folds = await Submit(new { dataset = "bounds-tiny", methods = new[] { "hiercore" }, scenarios = new[] { "S1", "S2" }, seeds = new[] { 0 }, criterion = "folds:5" });
        Assert.Equal(HttpStatusCode.BadRequest, folds.Status);
        var message = Assert.Single(folds.Errors);
        Assert.StartsWith("Criterion: folds:5", message);
        Assert.Contains("has 3", message);
        Assert.Contains("dataset 'bounds-tiny'", message);
        Assert.Contains("HierCore in S1, HierCore in S2", message);

        var k = await Submit(new { dataset = "bounds-tiny", methods = new[] { "hiercore" }, scenarios = new[] { "S4" }, seeds = new[] { 0 }, grouping = "k:9" });
        Assert.Equal(HttpStatusCode.BadRequest, k.Status);
        Assert.Contains(k.Errors, e => e.StartsWith("Grouping: k:9") && e.Contains("9 training images of 'bounds-tiny'"));

        // At the limit it is accepted.
        var ok = await Submit(new { dataset = "bounds-tiny", methods = new[] { "hiercore" }, scenarios = new[] { "S1" }, seeds = new[] { Random.Shared.Next(1000, 1_000_000) }, criterion = "folds:3" });
        Assert.Equal(HttpStatusCode.Created, ok.Status);
    }

    [Fact]
    public async Task A_sweep_of_only_not_applicable_pairs_is_rejected()
    {
        var response = await lab.CreateClient().PostAsJsonAsync("/api/sweeps", new { dataset = "demo", methods = new[] { "patchcore-oc" }, scenarios = new[] { "S3", "S4" }, seeds = new[] { 0 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not applicable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_and_malformed_run_ids_get_404_and_400()
    {
        var http = lab.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/runs/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/runs/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/api/runs/{Guid.NewGuid()}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/runs?sweep={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/sweeps/{Guid.NewGuid()}/results.csv")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_run_page_says_so_instead_of_failing()
    {
        var response = await lab.CreateClient().GetAsync($"/runs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
        var malformed = await lab.CreateClient().GetAsync("/runs/zzz");
        Assert.Contains("is not a run id", await malformed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/runs?status=Bogus", "Unknown status 'Bogus'")]
    [InlineData("/runs?sweep=zzz", "is not a sweep id")]
    [InlineData("/runs?sort=colour", "Unknown sort column 'colour'")]
    [InlineData("/compare?sweep=zzz", "is not a sweep id")]
    [InlineData("/compare?sweep=01a228c0-4c63-7d45-a106-95dd57744b6d", "does not exist")]
    [InlineData("/compare?metric=speed", "Unknown metric 'speed'")]
    public async Task Malformed_view_parameters_show_a_message_not_an_error_page(string url, string message)
    {
        var response = await lab.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/artifacts/..%2Fappsettings.json")]
    [InlineData("/artifacts/%2Fetc%2Fpasswd")]
    [InlineData("/artifacts/artifacts/..%2F..%2F..%2Fetc%2Fpasswd")]
    public async Task The_artifact_endpoint_serves_nothing_outside_data(string url)
    {
        var response = await lab.CreateClient().GetAsync(url);
        Assert.False(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Health_answers()
    {
        var response = await lab.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
