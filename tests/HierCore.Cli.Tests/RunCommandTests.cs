using System.Text.Json;

namespace HierCore.Cli.Tests;

[Collection("cli")]
public class RunCommandTests(CliFixture cli)
{
    [Fact]
    public async Task Run_writes_result_json_with_the_documented_keys_and_one_scores_row_per_test_image()
    {
        var json = cli.Temp("run/result.json");
        var csv = cli.Temp("run/scores.csv");
        Assert.Equal(0, await cli.Run("run", "--dataset", cli.Dataset, "--method", "patchcore", "--scenario", "S3", "--device", "cpu", "--out", json, "--scores", csv));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        foreach (var key in new[] { "dataset", "method", "scenario", "seed", "config", "headline", "mean_over_classes", "pooled", "per_class", "routing", "timings", "memory" })
            Assert.True(root.TryGetProperty(key, out _), $"result.json lacks '{key}'");
        foreach (var key in new[] { "image_auroc", "pixel_auroc", "aupro", "image_f1_max", "image_f1_deployable", "accuracy_deployable" })
            Assert.True(root.GetProperty("pooled").TryGetProperty(key, out _), $"pooled lacks '{key}'");
        foreach (var key in new[] { "features_s", "fit_s", "score_ms_per_image", "total_s" })
            Assert.True(root.GetProperty("timings").TryGetProperty(key, out _), $"timings lacks '{key}'");
        foreach (var key in new[] { "bank_entries", "bank_bytes", "peak_rss_bytes" })
            Assert.True(root.GetProperty("memory").TryGetProperty(key, out _), $"memory lacks '{key}'");
        Assert.Equal("patchcore", root.GetProperty("method").GetString());
        Assert.Equal("S3", root.GetProperty("scenario").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("routing").ValueKind);
        Assert.Equal(3, root.GetProperty("per_class").GetArrayLength());
        Assert.Equal(0.1, root.GetProperty("config").GetProperty("coreset_ratio").GetDouble());

        var lines = File.ReadAllLines(csv);
        Assert.Equal("class,image,label,score,normalized_score,routed_group", lines[0]);
        Assert.Equal(3 * 5, lines.Length - 1);
        Assert.Equal(3 * 3, lines.Skip(1).Count(l => l.Split(',')[2] == "1"));
    }

    [Fact]
    public async Task Patchcore_oc_without_training_labels_exits_with_code_2()
    {
        Assert.Equal(2, await cli.Run("run", "--dataset", cli.Dataset, "--method", "patchcore-oc", "--scenario", "S4", "--device", "cpu"));
    }

    [Fact]
    public async Task Unknown_method_scenario_or_dataset_exit_with_code_2()
    {
        Assert.Equal(2, await cli.Run("run", "--dataset", cli.Dataset, "--method", "nope", "--scenario", "S1"));
        Assert.Equal(2, await cli.Run("run", "--dataset", cli.Dataset, "--method", "patchcore", "--scenario", "S9"));
        Assert.Equal(2, await cli.Run("run", "--dataset", "missing-dataset", "--method", "patchcore", "--scenario", "S1"));
    }
}
