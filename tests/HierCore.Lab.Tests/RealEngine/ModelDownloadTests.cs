using System.Net;
using HierCore.Engine.Features;
using HierCore.Engine.Models;
using HierCore.Lab.Sweeps;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.RealEngine;

/// <summary>A model downloaded from a real run scores that run's test images exactly as the run did.</summary>
[Collection(RealEngineCollection.Name)]
public sealed class ModelDownloadTests(RealLabFactory lab)
{
    [Fact]
    public async Task The_downloaded_model_reproduces_the_runs_scores_csv_and_goes_with_its_sweep()
    {
        var http = lab.CreateClient();
        var (sweep, _) = await http.CreateSweepAsync(new SweepRequest
        {
            Dataset = ["demo"], Methods = ["hiercore", "patchcore"], Scenarios = ["S2"], Seeds = [3],
        }.Set("coreset_ratio", 0.05));
        var runs = await http.WaitForRunsAsync(sweep, LabClient.AllFinal, TimeSpan.FromSeconds(240));
        Assert.All(runs, r => Assert.Equal("Succeeded", r.Status));

        foreach (var run in runs)
        {
            var response = await http.GetAsync($"/api/runs/{run.Id}/model");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith(ModelFile.Extension, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var file = Path.Combine(lab.DataDirectory, $"downloaded-{run.Id}.hcm");
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            var model = ModelFile.Read(file);
            Assert.Equal("S2", model.Spec.Scenario.ToString());

            using var features = new FeatureStore(Path.Combine(lab.DataDirectory, "predict-features"));
            var scored = ModelPredictor.Predict(model, ModelPredictor.Inputs(Path.Combine(lab.DatasetsDirectory, "demo"), null), features, null, default);
            var expected = (await http.GetStringAsync($"/api/runs/{run.Id}/scores.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var actual = ModelPredictor.Csv(scored).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => string.Join(',', l.Split(',')[..6])).ToArray();
            // Fresh feature cache here: the features are recomputed, and still every number matches.
            Assert.Equal(expected, actual);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync($"/api/sweeps/{sweep}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/runs/{runs[0].Id}/model")).StatusCode);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(lab.DataDirectory, "models", "pending")));
    }
}
