using System.Globalization;
using System.Net;
using System.Text.Json;
using HierCore.Engine.Models;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;
using HierCore.Lab.Tests.Integration;

namespace HierCore.Lab.Tests.RealEngine;

/// <summary>Images uploaded to POST /api/runs/{id}/predict get exactly the scores their run gave them.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class PredictUploadTests(RealLabFactory lab)
{
    private sealed record CsvRow(string Class, string Image, double Score, double Z, string Group);

    [Fact]
    public async Task An_uploaded_test_image_scores_as_in_the_runs_scores_csv_and_bad_files_are_refused_by_name()
    {
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = ["demo"], Methods = ["hiercore"], Scenarios = ["S1", "S2"], Seeds = [5],
        }.Set("coreset_ratio", 0.05));
        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(240));
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));
        var inputs = ModelPredictor.Inputs(Path.Combine(lab.DatasetsDirectory, "demo"), null).ToDictionary(i => i.Id);

        var scenarios = new Dictionary<string, string>();
        foreach (var run in runs)
            scenarios[JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{run.Id}")).RootElement.GetProperty("scenario").GetString()!] = run.Id;
        foreach (var (scenario, runId) in scenarios)
        {
            var rows = await ScoresAsync(http, runId);
            // One normal and one defective image of another class than the first: two routes, two verdicts.
            var picks = new[] { rows.First(r => r.Image.Contains("/good/")), rows.Last(r => !r.Image.Contains("/good/")) };
            foreach (var row in picks)
            {
                // S1 gives the class at test time, so the upload names it as the run did; S2 routes by the image alone.
                var form = PredictApiTests.Files(("upload.png", await File.ReadAllBytesAsync(inputs[row.Image].Path)));
                if (scenario == "S1") form.Add(new StringContent(row.Class), "class");
                var response = await http.PostAsync($"/api/runs/{runId}/predict?maps=true", form);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, body);
                var image = JsonDocument.Parse(body).RootElement.GetProperty("images").EnumerateArray().Single();
                Assert.Equal("upload.png", image.GetProperty("image").GetString());
                Assert.Equal(row.Score, image.GetProperty("score").GetDouble());
                Assert.Equal(row.Z, image.GetProperty("normalized_score").GetDouble());
                Assert.Equal(row.Group, image.GetProperty("routed_group").GetString());
                var lambda = JsonDocument.Parse(body).RootElement.GetProperty("lambda").GetDouble();
                Assert.Equal(row.Z > lambda ? "anomalous" : "normal", image.GetProperty("verdict").GetString());
                var png = Convert.FromBase64String(image.GetProperty("map").GetString()!["data:image/png;base64,".Length..]);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            }
        }

        var (s1, s2) = (scenarios["S1"], scenarios["S2"]);
        var good = await File.ReadAllBytesAsync(inputs.Values.First().Path);
        var truncated = await http.PostAsync($"/api/runs/{s2}/predict", PredictApiTests.Files(("fine.png", good), ("half.png", good[..(good.Length / 2)])));
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("'half.png' is not an image", await PredictApiTests.ErrorAsync(truncated));
        var text = await http.PostAsync($"/api/runs/{s2}/predict", PredictApiTests.Files(("notes.png", "just some text"u8.ToArray())));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("'notes.png' is not an image", await PredictApiTests.ErrorAsync(text));
        Assert.Contains("gives no class at test time", await PredictApiTests.ErrorAsync(await http.PostAsync($"/api/runs/{s2}/predict", WithClass(good, "stripes"))));
        Assert.Contains("'nonexistent' is not a class of this run", await PredictApiTests.ErrorAsync(await http.PostAsync($"/api/runs/{s1}/predict", WithClass(good, "nonexistent"))));
    }

    private static MultipartFormDataContent WithClass(byte[] image, string cls)
    {
        var form = PredictApiTests.Files(("a.png", image));
        form.Add(new StringContent(cls), "class");
        return form;
    }

    private static async Task<List<CsvRow>> ScoresAsync(HttpClient http, string run) =>
        (await http.GetStringAsync($"/api/runs/{run}/scores.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .Select(c => new CsvRow(c[0], c[1], double.Parse(c[3], CultureInfo.InvariantCulture), double.Parse(c[4], CultureInfo.InvariantCulture), c[5]))
            .ToList();
}
